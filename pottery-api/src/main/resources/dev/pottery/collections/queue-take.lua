-- Takes up to ARGV[1] of the oldest entries of the stream KEYS[1] atomically: each is read and XDELed
-- in the same script, so two consumers can never both get one entry. Returns their 'item' fields, oldest
-- first (pottery's RedisSimpleQueue stores each element as one entry {item: <encoded element>}).
local entries = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', ARGV[1])
local items = {}
for _, entry in ipairs(entries) do
  local fields = entry[2]
  local item = nil
  for i = 1, #fields, 2 do
    if fields[i] == 'item' then
      item = fields[i + 1]
    end
  end
  if item == nil then
    return redis.error_reply('stream entry ' .. entry[1] .. ' has no item field')
  end
  redis.call('XDEL', KEYS[1], entry[1])
  items[#items + 1] = item
end
return items
