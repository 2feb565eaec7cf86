-- wrk script: every request asks for another sensor id, so the mock routes each one afresh.
local counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", "/v1.0/sensors/" .. counter)
end
