-- CreateTable
CREATE TABLE "bar_chunks" (
    "dataset_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bar_count" INTEGER NOT NULL,
    "first_date" TIMESTAMP(3) NOT NULL,
    "last_date" TIMESTAMP(3) NOT NULL,
    "bars" BYTEA NOT NULL,

    CONSTRAINT "bar_chunks_pkey" PRIMARY KEY ("dataset_id","symbol","seq")
);

-- Packed float64 gains little from compression, and trying costs as much as storing the chunk.
ALTER TABLE "bar_chunks" ALTER COLUMN "bars" SET STORAGE EXTERNAL;

-- AddForeignKey
ALTER TABLE "bar_chunks" ADD CONSTRAINT "bar_chunks_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every stored bar moves into its symbol's chunks of up to 4,096, packed as lib/datasets/bars/bar-chunk.ts
-- describes: six columns of big-endian float64 (float8send), NaN for a missing value.
INSERT INTO "bar_chunks" ("dataset_id", "symbol", "seq", "bar_count", "first_date", "last_date", "bars")
SELECT "dataset_id", "symbol", "seq", COUNT(*)::int, MIN("date"), MAX("date"),
       string_agg(float8send((extract(epoch FROM "date") * 1000)::float8), ''::bytea ORDER BY "date")
       || string_agg(float8send(COALESCE("open", 'NaN')), ''::bytea ORDER BY "date")
       || string_agg(float8send(COALESCE("high", 'NaN')), ''::bytea ORDER BY "date")
       || string_agg(float8send(COALESCE("low", 'NaN')), ''::bytea ORDER BY "date")
       || string_agg(float8send("close"), ''::bytea ORDER BY "date")
       || string_agg(float8send(COALESCE("volume", 'NaN')), ''::bytea ORDER BY "date")
  FROM (SELECT *, (ROW_NUMBER() OVER (PARTITION BY "dataset_id", "symbol" ORDER BY "date") - 1) / 4096 AS "seq"
          FROM "price_bars") AS "numbered"
 GROUP BY "dataset_id", "symbol", "seq";

-- DropTable
DROP TABLE "price_bars";
