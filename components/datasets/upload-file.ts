export interface UploadAnswer {
  datasetId: string;
  jobId: string;
}

/**
 * Posts the form with XMLHttpRequest, because fetch() cannot report upload progress. Rejects with
 * the server's own error message.
 */
export function uploadFile(form: FormData, onProgress: (sent: number, total: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/datasets");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total);
    xhr.onload = () => {
      let body: { error?: string } & Partial<UploadAnswer> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // keep the generic message below
      }
      if (xhr.status === 202 && body.datasetId && body.jobId) resolve({ datasetId: body.datasetId, jobId: body.jobId });
      else reject(new Error(body.error ?? `The upload failed (HTTP ${xhr.status}). Try again.`));
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted: check your connection and try again."));
    xhr.send(form);
  });
}
