-- Gives back what admit.lua took for a call that was then not answered (its ledger record could not be committed).
-- KEYS as admit.lua. ARGV: epoch, day and month of the admission, level, type ('r'/'w'), number of QPS limits, then
-- field and rate per limit.
-- Counts seeded anew since (another epoch), or of a day or month that has ended, are left alone: they never
-- included this call.
local u = redis.call('HMGET', KEYS[2], 'e', 'd', 'm')
if u[1] and u[1] == ARGV[1] then
  local function decrement(field)
    if (tonumber(redis.call('HGET', KEYS[2], field)) or 0) > 0 then redis.call('HINCRBY', KEYS[2], field, -1) end
  end
  if tonumber(u[2]) == tonumber(ARGV[2]) then
    decrement('l' .. ARGV[4])
    decrement(ARGV[5])
  end
  if tonumber(u[3]) == tonumber(ARGV[3]) then decrement('mt') end
end
-- The QPS token goes back too, as Bucket4j's addTokens does: capped at the capacity, and only if the bucket is alive.
for k = 1, tonumber(ARGV[6]) do
  local field, rate = ARGV[5 + 2 * k], tonumber(ARGV[6 + 2 * k])
  local t = tonumber(redis.call('HGET', KEYS[1], field .. ':t'))
  if t then redis.call('HSET', KEYS[1], field .. ':t', string.format('%.6f', math.min(rate, t + 1))) end
end
return 1
