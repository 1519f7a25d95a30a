import { UploadForm } from "@/components/datasets/upload-form";
import { uploadMaxBytes } from "@/lib/datasets/upload-limits";

export const metadata = { title: "Upload market data · Tandem" };
export const dynamic = "force-dynamic";

export default function UploadPage() {
  return <UploadForm maxMb={Math.round(uploadMaxBytes() / 1024 / 1024)} />;
}
