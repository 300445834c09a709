-- Every multi-field operation of a RedisCounter on the hash KEYS[1], atomically. Counts are decimal
-- integers of any size (Python's ints), added and compared exactly as strings cut into 7-digit limbs: a
-- Lua number is a double, exact only up to 2^53, and never holds a count itself.
--
-- ARGV[1] the operation:
--   'add'   add each given count to the stored one (absent: 0); Python's update/subtract, and += / -=
--           (with the counts already negated for -=)
--   'max'   raise each given field to the given count when that is larger (|=)
--   'min'   lower each stored field to the given count (0 when not given) when that is smaller (&=)
--   'total' reply the sum of all the counts
-- ARGV[2] '1' when the hash must not exist yet (creation with initial counts): an existing key replies
--         -1 and nothing is written
-- ARGV[3] '1' to delete, afterwards, every field whose count is not positive (Python's in-place operators)
-- ARGV[4..] field, count pairs (counts are decimal integers)
--
-- Replies: 1 ('add', 'max', 'min'), or the total as decimal text ('total'). When a
-- stored count the operation reads is not an integer (Python may store 1.5), nothing is written and the
-- reply is {field, stored count}.
local BASE, WIDTH = 10000000, 7

-- a decimal integer as {negative = bool, limbs = {least significant first}}, or nil for other text
local function parse(text)
  local sign, digits = string.match(text, '^(%-?)(%d+)$')
  if not digits then
    return nil
  end
  local limbs = {}
  for stop = #digits, 1, -WIDTH do
    limbs[#limbs + 1] = tonumber(string.sub(digits, math.max(1, stop - WIDTH + 1), stop))
  end
  while #limbs > 1 and limbs[#limbs] == 0 do
    limbs[#limbs] = nil
  end
  local zero = #limbs == 1 and limbs[1] == 0
  return {negative = sign == '-' and not zero, limbs = limbs}
end

-- carries every limb over BASE into the next one (a limb may hold a sum of many limbs, below 2^53)
local function normalize(limbs)
  local carry, i = 0, 1
  while i <= #limbs or carry > 0 do
    local value = (limbs[i] or 0) + carry
    limbs[i] = value % BASE
    carry = (value - limbs[i]) / BASE
    i = i + 1
  end
  while #limbs > 1 and limbs[#limbs] == 0 do
    limbs[#limbs] = nil
  end
  if #limbs == 0 then
    limbs[1] = 0
  end
  return limbs
end

local function compare_magnitude(a, b)
  if #a ~= #b then
    return #a < #b and -1 or 1
  end
  for i = #a, 1, -1 do
    if a[i] ~= b[i] then
      return a[i] < b[i] and -1 or 1
    end
  end
  return 0
end

local function compare(a, b)
  if a.negative ~= b.negative then
    return a.negative and -1 or 1
  end
  local magnitude = compare_magnitude(a.limbs, b.limbs)
  return a.negative and -magnitude or magnitude
end

-- |a| - |b|, for |a| >= |b|
local function subtract_magnitude(a, b)
  local out, borrow = {}, 0
  for i = 1, #a do
    local value = a[i] - (b[i] or 0) - borrow
    borrow = value < 0 and 1 or 0
    out[i] = value + borrow * BASE
  end
  return normalize(out)
end

local function add(a, b)
  if a.negative == b.negative then
    local out = {}
    for i = 1, math.max(#a.limbs, #b.limbs) do
      out[i] = (a.limbs[i] or 0) + (b.limbs[i] or 0)
    end
    return {negative = a.negative, limbs = normalize(out)}
  end
  local magnitude = compare_magnitude(a.limbs, b.limbs)
  if magnitude == 0 then
    return {negative = false, limbs = {0}}
  end
  local big, small = a, b
  if magnitude < 0 then
    big, small = b, a
  end
  return {negative = big.negative, limbs = subtract_magnitude(big.limbs, small.limbs)}
end

local function text(n)
  local parts = {tostring(n.limbs[#n.limbs])}
  for i = #n.limbs - 1, 1, -1 do
    parts[#parts + 1] = string.format('%07d', n.limbs[i])
  end
  return (n.negative and '-' or '') .. table.concat(parts)
end

-- Python's "count > 0" for what the hash may hold: integers exactly, floats by their sign (NaN is not
-- positive); any other text is left alone
local function positive(stored)
  local n = parse(stored)
  if n then
    return not n.negative and not (#n.limbs == 1 and n.limbs[1] == 0)
  end
  if stored == 'NaN' or stored == '-Infinity' then
    return false
  end
  local float = tonumber(stored)
  return float == nil or float > 0
end

local key, operation = KEYS[1], ARGV[1]

if operation == 'total' then
  -- a running sum of limbs for the positive counts and one for the negative, carried every 100,000
  -- counts so that no limb sum nears 2^53
  local sums = {[true] = {}, [false] = {}}
  local all = redis.call('HGETALL', key)
  for i = 1, #all, 2 do
    local n = parse(all[i + 1])
    if not n then
      return {all[i], all[i + 1]}
    end
    local sum = sums[n.negative]
    for j, limb in ipairs(n.limbs) do
      sum[j] = (sum[j] or 0) + limb
    end
    if i % 200000 == 1 then
      normalize(sums[true])
      normalize(sums[false])
    end
  end
  local positives = {negative = false, limbs = normalize(sums[false])}
  local negatives = {negative = true, limbs = normalize(sums[true])}
  if #negatives.limbs == 1 and negatives.limbs[1] == 0 then
    return text(positives)
  end
  return text(add(positives, negatives))
end

if operation ~= 'add' and operation ~= 'max' and operation ~= 'min' then
  return redis.error_reply('unknown counter operation ' .. tostring(operation))
end
if ARGV[2] == '1' and redis.call('EXISTS', key) == 1 then
  return -1
end

-- two elements may encode to one field (1 and 1L): their counts combine as the operation does
local given, fields = {}, {}
for i = 4, #ARGV, 2 do
  local field, count = ARGV[i], parse(ARGV[i + 1])
  local before = given[field]
  if before == nil then
    fields[#fields + 1] = field
  elseif operation == 'add' then
    count = add(before, count)
  elseif (compare(count, before) > 0) ~= (operation == 'max') then
    count = before
  end
  given[field] = count
end
if operation == 'min' then
  fields = redis.call('HKEYS', key) -- &= lowers our fields, whatever the other counter holds
end

-- read and check every stored count first, so that a count that is not an integer changes nothing
local zero = parse('0')
local stored = {}
for _, field in ipairs(fields) do
  local value = redis.call('HGET', key, field)
  if value then
    stored[field] = parse(value)
    if not stored[field] then
      return {field, value}
    end
  end
end

for _, field in ipairs(fields) do
  local mine, theirs = stored[field] or zero, given[field] or zero
  local result
  if operation == 'add' then
    result = add(mine, theirs)
  elseif operation == 'max' then
    result = compare(theirs, mine) > 0 and theirs or nil
  elseif compare(theirs, mine) < 0 then
    result = theirs
  end
  if result then
    redis.call('HSET', key, field, text(result))
  end
end

if ARGV[3] == '1' then
  local all = redis.call('HGETALL', key)
  for i = 1, #all, 2 do
    if not positive(all[i + 1]) then
      redis.call('HDEL', key, all[i])
    end
  end
end
return 1
