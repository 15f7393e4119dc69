UPDATE runs SET checked_at = $now WHERE list_contains($runs, run_id);
