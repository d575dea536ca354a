-- wrk script of scripts/bench-console.sh: StartExecution of one machine, a fresh name per request,
-- until this thread has had its share of replies (args: machine ARN, executions per thread);
-- then it stops. Prints "# started N refused M" per thread.
local machine, quota
local sent, answered, refused = 0, 0, 0

function init(args)
  machine = args[1]
  quota = tonumber(args[2])
end

function request()
  sent = sent + 1
  local body = '{"stateMachineArn":"' .. machine .. '","name":"b-' .. tostring(wrk.thread):gsub("[^%w]", "") .. '-' .. sent .. '"}'
  return wrk.format("POST", "/", {["Content-Type"] = "application/x-amz-json-1.0",
    ["X-Amz-Target"] = "AWSStepFunctions.StartExecution"}, body)
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then refused = refused + 1 end
  if answered >= quota then wrk.thread:stop() end
end
