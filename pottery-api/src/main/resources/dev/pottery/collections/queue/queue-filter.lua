-- Bulk operations over the items of the stream KEYS[1], atomically. ARGV[1] selects:
--   'drop'   XDEL every entry whose item equals one of ARGV[2..] (removeAll); returns the count
--   'keep'   XDEL every entry whose item equals none of them (retainAll); returns the count
--   'hasall' 1 if every one of ARGV[2..] is the item of some entry (containsAll), else 0
local wanted = {}
local missing = 0
for i = 2, #ARGV do
  if not wanted[ARGV[i]] then
    wanted[ARGV[i]] = true
    missing = missing + 1
  end
end
local mode = ARGV[1]
local removed = 0
local last = '-'
while true do
  local entries = redis.call('XRANGE', KEYS[1], last, '+', 'COUNT', 512)
  if #entries == 0 then
    break
  end
  for _, entry in ipairs(entries) do
    local fields = entry[2]
    local item = nil
    for i = 1, #fields, 2 do
      if fields[i] == 'item' then
        item = fields[i + 1]
      end
    end
    if mode == 'hasall' then
      if item ~= nil and wanted[item] then
        wanted[item] = nil
        missing = missing - 1
        if missing == 0 then
          return 1
        end
      end
    elseif (mode == 'drop') == (item ~= nil and wanted[item] == true) then
      redis.call('XDEL', KEYS[1], entry[1])
      removed = removed + 1
    end
  end
  last = '(' .. entries[#entries][1]
end
if mode == 'hasall' then
  return missing == 0 and 1 or 0
end
return removed
