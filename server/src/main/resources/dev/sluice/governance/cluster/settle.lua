-- Decides when counts missing from Redis may be rebuilt from the ledger (the Java side is LedgerRebuild).
-- KEYS[1] 'settled' marker: this Redis has been known for long enough that nothing admitted before it lost its
--         counts can still reach the ledger. KEYS[2] 'settling': when that will be the case.
-- ARGV: settle time in ms; now in ms, or '' for the Redis server's clock.
-- Reply: 0 to rebuild now, else the milliseconds left to wait.
local now_ms
if ARGV[2] ~= '' then
  now_ms = tonumber(ARGV[2])
else
  local t = redis.call('TIME')
  now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local week = 604800000
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('PEXPIRE', KEYS[1], week)
  return 0
end
local at = tonumber(redis.call('GET', KEYS[2]))
if not at then
  at = now_ms + tonumber(ARGV[1])
  redis.call('SET', KEYS[2], at, 'PX', tonumber(ARGV[1]) * 3 + 60000)
end
if now_ms < at then return at - now_ms end
redis.call('SET', KEYS[1], now_ms, 'PX', week)
return 0
