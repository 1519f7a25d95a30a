export { openBarWriter, type BarWriter } from "./bar-writer";
