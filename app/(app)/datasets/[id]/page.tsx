import { DatasetDetail } from "@/components/datasets/dataset-detail";

export const metadata = { title: "Dataset · Tandem" };

export default async function DatasetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DatasetDetail id={id} />;
}
