-- Placeholder for migration 0008 (issue 8, admin side), which lives on another branch; dropped when the branches are merged.
SELECT 1;
