-- Files whose latest state is rejected or quarantined, with the reason.
SELECT file_path, status, reason, seen_at::TIMESTAMP_S AS seen_at
FROM file_states
WHERE status IN ('rejected', 'quarantined')
ORDER BY seen_at DESC, file_path
LIMIT $limit;
