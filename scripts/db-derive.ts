// Writes prisma/postgres/schema.prisma from prisma/schema.prisma.
import { writeDerivedSchema } from "./prisma-schemas";

writeDerivedSchema(process.cwd());
console.log("prisma/postgres/schema.prisma derived from prisma/schema.prisma");
