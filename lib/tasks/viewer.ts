/** Who is asking: the signed-in user as the job API sees them. */
export interface Viewer {
  id: string;
  role: string;
}
