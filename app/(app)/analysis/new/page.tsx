import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "New analysis · Tandem" };

export default function NewAnalysisPage() {
  return <ComingSoon title="New analysis">Submitting a batch of stock analyses is coming in the next release.</ComingSoon>;
}
