-- Shared by the wrk scripts (bench/mix.lua, bench/create-ticket.lua), which load it with
-- dofile from the repository's root, where the benchmark scripts run wrk: wrk's threads,
-- each numbered for the script's draws, a field splitter for the sessions files, and the
-- answers' statuses summed over the threads for done().
threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function split(text, separator)
  local fields = {}
  for field in string.gmatch(text, "[^" .. separator .. "]+") do table.insert(fields, field) end
  return fields
end

-- Each thread counts its answers by status in the global table "statuses"; this prints the
-- sums as one line, "statuses: 200=123 303=4", which the benchmark scripts read.
function write_statuses()
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(total) do table.insert(parts, status .. "=" .. count) end
  table.sort(parts)
  io.write("statuses: " .. table.concat(parts, " ") .. "\n")
end
