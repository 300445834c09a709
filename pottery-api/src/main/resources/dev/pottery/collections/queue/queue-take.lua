-- Takes up to ARGV[1] of the oldest entries of the stream KEYS[1] atomically: each is read and XDELed in
-- the same script, so two consumers can never both get one entry (pottery's RedisSimpleQueue stores
-- each element as one entry {item: <encoded element>}).
-- When ARGV[2] is '1' and the oldest entry's item is ARGV[3] (the codec's encoding of null, a Python
-- None, which a poll cannot hand out because its null answer means "empty"), nothing is taken and the
-- reply is 1. An entry without an 'item' field is never taken: the take stops before it, and fails if
-- it is the oldest.
-- Returns the entries taken, oldest first, as a flat list: id, item, id, item, ...
local entries = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', ARGV[1])
local taken = {}
for n, entry in ipairs(entries) do
  local fields = entry[2]
  local item = nil
  for i = 1, #fields, 2 do
    if fields[i] == 'item' then
      item = fields[i + 1]
    end
  end
  if item == nil then
    if n == 1 then
      return redis.error_reply('stream entry ' .. entry[1] .. ' has no item field, so no pottery queue wrote it')
    end
    break
  end
  if n == 1 and ARGV[2] == '1' and item == ARGV[3] then
    return 1
  end
  redis.call('XDEL', KEYS[1], entry[1])
  taken[#taken + 1] = entry[1]
  taken[#taken + 1] = item
end
return taken
