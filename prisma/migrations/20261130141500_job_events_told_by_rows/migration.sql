-- A job's creation ("queued", stored without a message) and its success are read from its row, no
-- longer stored as events (lib/jobs/job-timeline.ts). A retry's "queued" event has a message and stays.
DELETE FROM "job_events" WHERE ("type" = 'queued' AND "message" IS NULL) OR "type" = 'succeeded';
