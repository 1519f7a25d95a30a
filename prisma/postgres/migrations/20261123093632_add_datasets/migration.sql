-- CreateTable
CREATE TABLE "datasets" (
    "id" TEXT NOT NULL,
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
    "first_date" TIMESTAMP(3),
    "last_date" TIMESTAMP(3),
    "report" JSONB,
    "error_message" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMP(3),

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_symbols" (
    "dataset_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "owner_id" TEXT,
    "row_count" INTEGER NOT NULL,
    "first_date" TIMESTAMP(3) NOT NULL,
    "last_date" TIMESTAMP(3) NOT NULL,
    "has_ohlc" BOOLEAN NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dataset_symbols_pkey" PRIMARY KEY ("dataset_id","symbol")
);

-- CreateTable
CREATE TABLE "price_bars" (
    "dataset_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "open" DOUBLE PRECISION,
    "high" DOUBLE PRECISION,
    "low" DOUBLE PRECISION,
    "close" DOUBLE PRECISION NOT NULL,
    "volume" DOUBLE PRECISION,

    CONSTRAINT "price_bars_pkey" PRIMARY KEY ("dataset_id","symbol","date")
);

-- CreateTable
CREATE TABLE "watchlists" (
    "id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "symbols" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watchlists_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_symbols" ADD CONSTRAINT "dataset_symbols_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_bars" ADD CONSTRAINT "price_bars_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watchlists" ADD CONSTRAINT "watchlists_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

