-- Placeholder for migration 0015, reserved for another branch this session: the catalog refuses gaps, so this branch
-- carries an empty step. On merge, delete this file and keep the other branch's 0015.
SELECT 1;
