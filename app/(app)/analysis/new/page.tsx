import { Suspense } from "react";
import { AnalysisForm } from "@/components/analysis/analysis-form";

export const metadata = { title: "New analysis · Tandem" };

export default function NewAnalysisPage() {
  return (
    <Suspense>
      <AnalysisForm />
    </Suspense>
  );
}
