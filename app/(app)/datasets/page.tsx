import { DatasetList } from "@/components/datasets/dataset-list";

export const metadata = { title: "Datasets · Tandem" };

export default function DatasetsPage() {
  return <DatasetList />;
}
