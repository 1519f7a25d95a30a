import { AnalysisResult } from "@/components/analysis/analysis-result";

export const metadata = { title: "Analysis · Tandem" };

export default async function AnalysisPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  return <AnalysisResult jobId={jobId} />;
}
