-- Seeds an account's day and month counts from the ledger (KEYS[1] is admit.lua's KEYS[2]).
-- ARGV: epoch, day, month, l1, l2, l3, r, w, month total, mode.
-- Mode 'create': only if the counts are missing; a node that seeded first wins, later seeds change nothing.
-- Mode 'raise': the counts exist but may lack calls admitted elsewhere (by nodes counting locally while Redis was
-- unreachable): each count is raised to the ledger's where lower, never lowered.
local fields = {'l1', 'l2', 'l3', 'r', 'w', 'mt'}
if redis.call('EXISTS', KEYS[1]) == 0 then
  if ARGV[10] ~= 'create' then return 0 end
  redis.call('HSET', KEYS[1], 'e', ARGV[1], 'd', ARGV[2], 'm', ARGV[3], 'l1', ARGV[4], 'l2', ARGV[5], 'l3', ARGV[6],
             'r', ARGV[7], 'w', ARGV[8], 'mt', ARGV[9])
  redis.call('PEXPIRE', KEYS[1], 3024000000)
  return 1
end
if ARGV[10] ~= 'raise' then return 0 end
local u = redis.call('HMGET', KEYS[1], 'd', 'm')
for k, field in ipairs(fields) do
  local same
  if field == 'mt' then same = tonumber(u[2]) == tonumber(ARGV[3]) else same = tonumber(u[1]) == tonumber(ARGV[2]) end
  local current = tonumber(redis.call('HGET', KEYS[1], field)) or 0
  if same and current < tonumber(ARGV[3 + k]) then redis.call('HSET', KEYS[1], field, ARGV[3 + k]) end
end
return 2
