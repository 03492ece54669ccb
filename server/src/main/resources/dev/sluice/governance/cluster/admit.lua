-- Counted admission of one or more calls of one account and region, in one round trip (the Java side is
-- RedisCounters, which sends the calls that arrived together: AdmissionBatches). Each call is decided in turn, all or
-- nothing, against the counts as the calls before it left them. Every read-modify-write of the account's counters
-- happens here, so two nodes can never interleave.
--
-- KEYS[1] QPS buckets of the account and region   (hash: <field>:t tokens, <field>:ts last refill in microseconds)
-- KEYS[2] day and month counts of the account      (hash: d day, m month, l1 l2 l3 r w day counts, mt month total,
--                                                    e epoch of the seeding from the ledger)
-- KEYS[3...] the signature nonces of the calls that carry one, in call order (strings, expire with the clock window)
-- All share the hash tag {acct:<id>:<region>}, so in Redis Cluster they live in one slot and one script may touch them.
--
-- ARGV[1] the number of calls; then per call: now in microseconds, or '' for the Redis server's own clock (one clock
--       for every node; tests pass a value); zone offset in seconds at that instant; level (1-3); type ('r' or 'w');
--       may bill (1/0); monthly free quota; number of QPS limits, then field and rate per limit; number of daily caps,
--       then scope and quota per cap (scope: 't' all levels, '12' levels 1 and 2, '3' level 3, 'r' read, 'w' write);
--       how long to remember the call's nonce in milliseconds, or '' when it has none.
--
-- Reply: one reply per call, in call order:
--        {-2}                            the nonce was used before: a replay, nothing taken
--        {-1, day, month}                 the counts are missing (Redis restarted, flushed or the key expired):
--                                         rebuild them from the ledger first
--        {0, limit, retry ms, until tomorrow ms, until next month ms, month seconds}
--                                         refused by the limit-th limit (QPS limits, then daily caps, then the
--                                         monthly quota), nothing taken
--        {1, billable, day, month, epoch, until tomorrow ms, until next month ms, month seconds, month total,
--         tokens left per QPS limit..., used per daily cap...}
--                                         admitted, one taken from every limit

local server_now -- read once per script: the calls of one batch arrived together
local function now_of(given)
  if given ~= '' then return tonumber(given) end
  if not server_now then
    local t = redis.call('TIME')
    server_now = tonumber(t[1]) * 1000000 + tonumber(t[2])
  end
  return server_now
end

-- Calendar arithmetic on days since 1970-01-01 in the zone (H. Hinnant's civil_from_days / days_from_civil).
local function civil(z)
  z = z + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400
  if m <= 2 then y = y + 1 end
  return y, m
end
local function first_of_month(y, m)
  if m <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = m > 2 and m - 3 or m + 9
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + math.floor((153 * mp + 2) / 5)
  return era * 146097 + doe - 719468
end

local u = redis.call('HMGET', KEYS[2], 'd', 'm', 'l1', 'l2', 'l3', 'r', 'w', 'mt', 'e')
local counted = u[1] and true or false
local c = {l1 = tonumber(u[3]) or 0, l2 = tonumber(u[4]) or 0, l3 = tonumber(u[5]) or 0,
           r = tonumber(u[6]) or 0, w = tonumber(u[7]) or 0, mt = tonumber(u[8]) or 0}
local stored_day, stored_month = tonumber(u[1]), tonumber(u[2])
local epoch = u[9] or ''
local counts_changed = false

-- QPS buckets as this script has left them so far: field -> {tokens, last refill}, read from Redis on first use
-- (tokens nil: the bucket had expired, so it is full).
local buckets = {}
local changed_buckets = {}

local function used(scope)
  if scope == 't' then return c.l1 + c.l2 + c.l3
  elseif scope == '12' then return c.l1 + c.l2
  elseif scope == '3' then return c.l3
  elseif scope == 'r' then return c.r
  else return c.w end
end

-- Decides the call whose arguments start at ARGV[a]; nonce_key is nil when it carries no nonce.
local function admit(a, nonce_key)
  local now_us = now_of(ARGV[a])
  local local_ms = math.floor(now_us / 1000) + tonumber(ARGV[a + 1]) * 1000
  local level, op_type, may_bill, monthly_free = ARGV[a + 2], ARGV[a + 3], ARGV[a + 4] == '1', tonumber(ARGV[a + 5])
  local nq = tonumber(ARGV[a + 6])
  local i = a + 7 + 2 * nq -- number of daily caps
  local nd = tonumber(ARGV[i])
  local nonce_ttl = ARGV[i + 2 * nd + 1]

  local day = math.floor(local_ms / 86400000)
  local y, m = civil(day)
  local month = y * 12 + m - 1
  local next_first = m == 12 and first_of_month(y + 1, 1) or first_of_month(y, m + 1)
  local until_tomorrow = (day + 1) * 86400000 - local_ms
  local until_next_month = next_first * 86400000 - local_ms
  local month_seconds = (next_first - first_of_month(y, m)) * 86400

  if not counted then return {-1, day, month} end

  -- The signature nonce, recorded in the same round trip as the counts: a replay takes nothing. After the check
  -- above, so that a call asked again once the counts are rebuilt does not find its own nonce.
  if nonce_key and not redis.call('SET', nonce_key, '1', 'NX', 'PX', nonce_ttl) then return {-2} end

  -- Days and months only roll forward: a call stamped a moment earlier never resets a newer day.
  if day > stored_day then
    c.l1, c.l2, c.l3, c.r, c.w = 0, 0, 0, 0, 0
    stored_day = day
  else
    day = stored_day
  end
  if not stored_month or month > stored_month then
    if stored_month then c.mt = 0 end
    stored_month = month
  else
    month = stored_month
  end

  local function refusal(index, retry)
    return {0, index, retry, until_tomorrow, until_next_month, month_seconds}
  end

  -- 1. QPS: refill every bucket, refuse on the first that lacks a token; take from none yet.
  local missing = {}
  for k = 1, nq do
    local field = ARGV[a + 5 + 2 * k]
    if not buckets[field] then missing[#missing + 1] = field end
  end
  if #missing > 0 then
    local read = {}
    for k, field in ipairs(missing) do
      read[2 * k - 1] = field .. ':t'
      read[2 * k] = field .. ':ts'
    end
    local stored = redis.call('HMGET', KEYS[1], unpack(read))
    for k, field in ipairs(missing) do
      buckets[field] = {tonumber(stored[2 * k - 1]), tonumber(stored[2 * k])}
    end
  end
  local tokens = {}
  for k = 1, nq do
    local bucket, rate = buckets[ARGV[a + 5 + 2 * k]], tonumber(ARGV[a + 6 + 2 * k])
    local t, ts = bucket[1], bucket[2]
    if not t then t, ts = rate, now_us end -- an expired bucket had refilled completely
    t = math.min(rate, t + math.max(0, now_us - ts) * rate / 1000000)
    if t < 1 then return refusal(k, math.max(1, math.floor((1 - t) * 1000 / rate))) end
    tokens[k] = t
  end

  -- 2. Daily caps, then 3. the monthly free quota (beyond it only with pay-as-you-go).
  for k = 1, nd do
    if used(ARGV[i + 2 * k - 1]) >= tonumber(ARGV[i + 2 * k]) then return refusal(nq + k, until_tomorrow) end
  end
  local beyond_free = c.mt >= monthly_free
  if beyond_free and not may_bill then return refusal(nq + nd + 1, until_next_month) end

  -- Every limit agreed: take one from all of them.
  local reply = {1, beyond_free and 1 or 0, day, month, epoch, until_tomorrow, until_next_month, month_seconds, 0}
  for k = 1, nq do
    local field = ARGV[a + 5 + 2 * k]
    buckets[field] = {tokens[k] - 1, now_us}
    changed_buckets[field] = true
    reply[#reply + 1] = math.floor(tokens[k] - 1)
  end
  c['l' .. level] = c['l' .. level] + 1
  c[op_type] = c[op_type] + 1
  c.mt = c.mt + 1
  counts_changed = true
  reply[9] = c.mt
  for k = 1, nd do reply[#reply + 1] = used(ARGV[i + 2 * k - 1]) end
  return reply
end

local replies = {}
local a, next_nonce = 2, 3
for call = 1, tonumber(ARGV[1]) do
  local nq = tonumber(ARGV[a + 6])
  local nd = tonumber(ARGV[a + 7 + 2 * nq])
  local last = a + 7 + 2 * nq + 2 * nd + 1 -- the nonce's time to live
  local nonce_key
  if ARGV[last] ~= '' then
    nonce_key = KEYS[next_nonce]
    next_nonce = next_nonce + 1
  end
  replies[call] = admit(a, nonce_key)
  a = last + 1
end

-- What the calls took, written once. Idle buckets expire after twice their refill time (one second); the counts
-- outlive a month of idleness, and past that they are rebuilt from the ledger on the next call.
local write = {}
for field in pairs(changed_buckets) do
  write[#write + 1] = field .. ':t'
  write[#write + 1] = string.format('%.6f', buckets[field][1])
  write[#write + 1] = field .. ':ts'
  write[#write + 1] = string.format('%.0f', buckets[field][2]) -- tostring() would keep only 14 digits of the microseconds
end
if #write > 0 then
  redis.call('HSET', KEYS[1], unpack(write))
  redis.call('PEXPIRE', KEYS[1], 2000)
end
if counts_changed then
  redis.call('HSET', KEYS[2], 'd', stored_day, 'm', stored_month, 'l1', c.l1, 'l2', c.l2, 'l3', c.l3, 'r', c.r, 'w', c.w,
    'mt', c.mt)
  redis.call('PEXPIRE', KEYS[2], 3024000000)
end
return replies
