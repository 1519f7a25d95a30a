-- CreateTable
CREATE TABLE "datasets" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner_id" TEXT,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'importing',
    "file_name" TEXT NOT NULL,
    "stored_path" TEXT,
    "file_size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "symbol_hint" TEXT,
    "job_id" TEXT,
    "interval" TEXT,
    "row_count" INTEGER NOT NULL DEFAULT 0,
    "first_date" DATETIME,
    "last_date" DATETIME,
    "report" JSONB,
    "error_message" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" DATETIME,
    CONSTRAINT "datasets_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "dataset_symbols" (
    "dataset_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "owner_id" TEXT,
    "row_count" INTEGER NOT NULL,
    "first_date" DATETIME NOT NULL,
    "last_date" DATETIME NOT NULL,
    "has_ohlc" BOOLEAN NOT NULL,
    "published_at" DATETIME NOT NULL,

    PRIMARY KEY ("dataset_id", "symbol"),
    CONSTRAINT "dataset_symbols_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "price_bars" (
    "dataset_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "open" REAL,
    "high" REAL,
    "low" REAL,
    "close" REAL NOT NULL,
    "volume" REAL,

    PRIMARY KEY ("dataset_id", "symbol", "date"),
    CONSTRAINT "price_bars_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "watchlists" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "symbols" JSONB NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "watchlists_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "datasets_owner_id_created_at_idx" ON "datasets"("owner_id", "created_at");

-- CreateIndex
CREATE INDEX "datasets_sha256_idx" ON "datasets"("sha256");

-- CreateIndex
CREATE INDEX "dataset_symbols_symbol_published_at_idx" ON "dataset_symbols"("symbol", "published_at");

-- CreateIndex
CREATE INDEX "dataset_symbols_owner_id_symbol_idx" ON "dataset_symbols"("owner_id", "symbol");

-- CreateIndex
CREATE UNIQUE INDEX "watchlists_owner_id_name_key" ON "watchlists"("owner_id", "name");

