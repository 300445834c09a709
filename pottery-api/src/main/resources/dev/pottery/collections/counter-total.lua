-- The sum of the counts in the hash KEYS[1], added up server-side so that the counts never travel.
local total = 0
for _, count in ipairs(redis.call('HVALS', KEYS[1])) do
  total = total + tonumber(count)
end
return total
