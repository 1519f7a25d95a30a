import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "Datasets · Tandem" };

export default function DatasetsPage() {
  return <ComingSoon title="Datasets">Uploading and browsing market data is coming in the next release.</ComingSoon>;
}
