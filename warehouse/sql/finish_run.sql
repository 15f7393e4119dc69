UPDATE runs SET finished_at = $now, status = $status WHERE run_id = $run_id;
