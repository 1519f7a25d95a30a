-- CreateTable
CREATE TABLE "bar_chunks" (
    "dataset_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bar_count" INTEGER NOT NULL,
    "first_date" DATETIME NOT NULL,
    "last_date" DATETIME NOT NULL,
    "bars" BLOB NOT NULL,

    PRIMARY KEY ("dataset_id", "symbol", "seq"),
    CONSTRAINT "bar_chunks_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Every stored bar moves into its symbol's chunks of up to 4,096, packed as lib/datasets/bars/bar-chunk.ts
-- describes. pack_float64_columns is an aggregate of the migration runner's (lib/db/sqlite-functions.ts).
INSERT INTO "bar_chunks" ("dataset_id", "symbol", "seq", "bar_count", "first_date", "last_date", "bars")
SELECT "dataset_id", "symbol", "seq", COUNT(*), MIN("ms"), MAX("ms"),
       pack_float64_columns("ms", "open", "high", "low", "close", "volume" ORDER BY "ms")
  FROM (SELECT *, (ROW_NUMBER() OVER (PARTITION BY "dataset_id", "symbol" ORDER BY "ms") - 1) / 4096 AS "seq"
          FROM (SELECT *, CASE WHEN typeof("date") IN ('integer', 'real') THEN CAST("date" AS INTEGER)
                               ELSE CAST(round((julianday("date") - 2440587.5) * 86400000) AS INTEGER) END AS "ms"
                  FROM "price_bars"))
 GROUP BY "dataset_id", "symbol", "seq";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "price_bars";
PRAGMA foreign_keys=on;
