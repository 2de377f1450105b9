/// The API's OpenAPI 3 document, written by hand and served at `/openapi.json`; a test keeps its paths
/// and the router's routes the same.
enum OpenAPIDocument {
    static let text = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "Duxue workbench API",
    "version": "1",
    "description": "The JSON API of `duxue serve`. State-changing requests (POST, PUT, DELETE) carry the page's per-server token in the X-Duxue-CSRF header (from <meta name=\"duxue-csrf\">). When the server listens beyond loopback, every request carries the access token (cookie duxue_access or header X-Duxue-Access). Errors answer {error, message, problems}. Add ?lang=en for English messages. The roster of record (history, record a planned roster, renew from the record) is the district's duxue.sqlite."
  },
  "components": {
    "parameters": {
      "id": {"name": "id", "in": "path", "required": true, "description": "A district id: the folder name given on the command line (GET /api/districts).", "schema": {"type": "string"}},
      "renewal": {"name": "renewal", "in": "path", "required": true, "description": "A renewal id (the changes field of POST /api/districts/{id}/renew).", "schema": {"type": "string"}},
      "role": {"name": "role", "in": "path", "required": true, "description": "Which table of the district the file is.", "schema": {"type": "string", "enum": ["schools", "inspectors"]}},
      "job": {"name": "job", "in": "path", "required": true, "description": "A plan job id (POST /api/districts/{id}/plan).", "schema": {"type": "string"}},
      "name": {"name": "name", "in": "query", "required": true, "description": "The uploaded file's name, ending in .csv or .xlsx.", "schema": {"type": "string"}},
      "lang": {"name": "lang", "in": "query", "required": false, "schema": {"type": "string", "enum": ["zh", "en"]}}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["error", "message", "problems"], "properties": {
        "error": {"type": "string"}, "message": {"type": "string"},
        "problems": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}}}},
      "Problem": {"type": "object", "description": "An input problem as `duxue validate` reports it: file (by name), sheet, row, column.", "properties": {
        "file": {"type": "string"}, "sheet": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"},
        "column_name": {"type": "string"}, "cell": {"type": "string"}, "severity": {"type": "string", "enum": ["error", "warning"]},
        "message": {"type": "string"}, "fix": {"type": "string"}, "text": {"type": "string"}}},
      "Job": {"type": "object", "properties": {
        "id": {"type": "string"}, "district": {"type": "string"},
        "status": {"type": "string", "enum": ["queued", "running", "done", "failed", "cancelled"]},
        "level": {"type": "string"}, "elapsed": {"type": "number"},
        "report": {"type": "object", "description": "The plan report, schema duxue.plan/1 (docs/json.md)."},
        "error": {"$ref": "#/components/schemas/Error"}}},
      "Audit": {"type": "object", "properties": {
        "errors": {"type": "integer"}, "warnings": {"type": "integer"}, "figures": {"type": "object"},
        "findings": {"type": "array", "items": {"type": "object", "properties": {
          "rule": {"type": "string"}, "severity": {"type": "string"}, "message": {"type": "string"},
          "schools": {"type": "array", "items": {"type": "string"}}, "inspectors": {"type": "array", "items": {"type": "string"}}}}}}},
      "Roster": {"type": "object", "required": ["assignments"], "properties": {
        "assignments": {"type": "array", "items": {"type": "object", "required": ["school", "assignee"], "properties": {
          "school": {"type": "string"}, "assignee": {"type": "string", "description": "An inspector id or one of the plan's VACANCY-n."}}}}}}
    },
    "responses": {
      "Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "requestBodies": {
      "Upload": {"required": true, "description": "The file itself as the body (at most 10 MB).", "content": {
        "text/csv": {"schema": {"type": "string", "format": "binary"}},
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}}
    }
  },
  "paths": {
    "/": {"get": {"summary": "The workbench page of the first district", "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}}}},
    "/districts/{id}": {"get": {"summary": "The workbench page of a district", "parameters": [{"$ref": "#/components/parameters/id"}],
      "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/assets/app.js": {"get": {"summary": "The page's script", "responses": {"200": {"description": "JavaScript", "content": {"text/javascript": {}}}}}},
    "/assets/app.css": {"get": {"summary": "The page's style sheet", "responses": {"200": {"description": "CSS", "content": {"text/css": {}}}}}},
    "/favicon.svg": {"get": {"summary": "The icon", "responses": {"200": {"description": "SVG", "content": {"image/svg+xml": {}}}}}},
    "/favicon.ico": {"get": {"summary": "The icon (as SVG)", "responses": {"200": {"description": "SVG", "content": {"image/svg+xml": {}}}}}},
    "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3", "content": {"application/json": {}}}}}},
    "/api/districts": {"get": {"summary": "The districts offered", "responses": {"200": {"description": "Districts", "content": {"application/json": {"schema": {
      "type": "object", "properties": {"districts": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}}}}}}}}}},
    "/api/districts/{id}": {"get": {"summary": "A district: schools, the pool in brief, and its input problems", "parameters": [{"$ref": "#/components/parameters/id"}, {"$ref": "#/components/parameters/lang"}],
      "responses": {"200": {"description": "The district", "content": {"application/json": {"schema": {"type": "object", "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}, "valid": {"type": "boolean"}, "schools": {"type": "array", "items": {"type": "object"}},
        "pool": {"type": "object"}, "problems": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}}}}}}},
        "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/districts/{id}/validate": {"post": {"summary": "Validate the district's files, and an uploaded roster when ?name= is given",
      "parameters": [{"$ref": "#/components/parameters/id"}, {"name": "name", "in": "query", "required": false, "schema": {"type": "string"}}],
      "requestBody": {"required": false, "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}},
      "responses": {"200": {"description": "Validation report", "content": {"application/json": {"schema": {"type": "object", "properties": {
        "valid": {"type": "boolean"}, "errors": {"type": "integer"}, "warnings": {"type": "integer"},
        "problems": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}}}}}}},
        "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"}}}},
    "/api/districts/{id}/plan": {"post": {"summary": "Start a plan (solved off the request threads); a plan of the same district still running is cancelled",
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {
        "pins": {"type": "array", "description": "Pairs to keep (the page's edits), as pinned pairs", "items": {"type": "object", "properties": {"school": {"type": "string"}, "inspector": {"type": "string"}}}},
        "policy": {"type": "string", "description": "A preset replacing the district's rules: national, zaozhuang, tianjin, chongqing, wusheng, hainan, combined (never a file)."},
        "settings": {"type": "array", "description": "Policy keys set for this plan, key=value, one value each; checked as in scenario files and sweeps (keys a scenario may set: GET /api/districts/{id}/policy). Problems answer 422 naming the key.", "items": {"type": "string", "example": "large_school_enrollment=1500"}},
        "time_limit": {"type": "number"}}}}}},
      "responses": {"202": {"description": "The job; poll GET /api/jobs/{job}", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}},
        "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/districts/{id}/check": {"post": {"summary": "Check an uploaded roster against every rule (R1–R17)",
      "parameters": [{"$ref": "#/components/parameters/id"}, {"$ref": "#/components/parameters/name"}, {"name": "as_of", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "strict", "in": "query", "schema": {"type": "boolean"}}],
      "requestBody": {"$ref": "#/components/requestBodies/Upload"},
      "responses": {"200": {"description": "The check report (duxue.check/1) and warnings", "content": {"application/json": {}}},
        "403": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/districts/{id}/renew": {"post": {"summary": "Renew the roster in force with as few changes as the rules allow: an uploaded previous roster (?name=), else the roster in force in the district's record",
      "parameters": [{"$ref": "#/components/parameters/id"}, {"name": "name", "in": "query", "required": false, "description": "The uploaded previous roster's name (.csv or .xlsx); without it, the record's roster in force.", "schema": {"type": "string"}}, {"name": "as_of", "in": "query", "required": true, "schema": {"type": "string", "format": "date"}}, {"name": "new_term", "in": "query", "schema": {"type": "boolean"}}],
      "requestBody": {"required": false, "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}},
      "responses": {"200": {"description": "The renewal report (duxue.renew/1), warnings, and changes: the id of its change list (GET /api/renewals/{renewal}/changes.csv)", "content": {"application/json": {}}},
        "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/districts/{id}/compare": {"post": {"summary": "Compare the district with sweeps of policy keys",
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["sweeps"], "properties": {"sweeps": {"type": "array", "items": {"type": "string", "example": "min_full_time_share=0.3,0.5"}},
        "scenarios": {"type": "array", "description": "At most 6 scenarios as scenario-file TOML (policy keys, [schools] remove/enrollment/add, [inspectors] remove/unavailable/add); problems name them NAME.toml with line and column.", "items": {"type": "object", "required": ["name", "text"], "properties": {"name": {"type": "string"}, "text": {"type": "string"}}}}}}}}},
      "responses": {"200": {"description": "The comparison (duxue.compare/1)", "content": {"application/json": {}}},
        "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/districts/{id}/history": {"get": {"summary": "The roster of record by inspector (appointments, schools by term, consecutive part-time terms now) and by school (holders by term, pair terms); never conflicts or phones",
      "parameters": [{"$ref": "#/components/parameters/id"}, {"name": "inspector", "in": "query", "schema": {"type": "string"}}, {"name": "school", "in": "query", "schema": {"type": "string"}}],
      "responses": {"200": {"description": "{report}: the history report (as duxue history --format json)", "content": {"application/json": {}}},
        "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/districts/{id}/policy": {"get": {"summary": "The policy keys (PolicyKey.all): name, Chinese name, type and bounds, whether a plan or scenario may set it, the district's value",
      "parameters": [{"$ref": "#/components/parameters/id"}, {"name": "policy", "in": "query", "description": "A preset instead of the district's own policy", "schema": {"type": "string"}}],
      "responses": {"200": {"description": "{keys: [{name, chinese_name, type, choices, in_scenarios, value, hint}]}", "content": {"application/json": {}}},
        "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/districts/{id}/files/{role}": {"put": {"summary": "Upload an uploaded district's schools or inspectors table (CSV or XLSX); answers the district with its problems (file, sheet, row, column)",
      "parameters": [{"$ref": "#/components/parameters/id"}, {"$ref": "#/components/parameters/role"}, {"$ref": "#/components/parameters/name"}],
      "requestBody": {"$ref": "#/components/requestBodies/Upload"},
      "responses": {"200": {"description": "The district, as GET /api/districts/{id}", "content": {"application/json": {}}},
        "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"}}}},
    "/api/uploads": {"post": {"summary": "A new, empty district for this session, kept in a folder the server owns and removes when it stops; then PUT its files",
      "responses": {"201": {"description": "{id, name}", "content": {"application/json": {}}}, "403": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/renewals/{renewal}/changes.csv": {"get": {"summary": "The change list of a renewal as CSV (as duxue renew writes it)", "parameters": [{"$ref": "#/components/parameters/renewal"}],
      "responses": {"200": {"description": "CSV", "content": {"text/csv": {}}}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{job}/record": {"post": {"summary": "Record the working roster as its term's roster in the district's record (status draft, filed or approved; optional 文号); a term already recorded is refused (409) unless replace is true (the replaced version is kept)",
      "parameters": [{"$ref": "#/components/parameters/job"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {
        "status": {"type": "string", "enum": ["draft", "filed", "approved"]}, "doc_no": {"type": "string"}, "replace": {"type": "boolean"},
        "as_of": {"type": "string", "format": "date", "description": "A mid-term change as of this date"}}}}}},
      "responses": {"200": {"description": "What was recorded: term_start, effective_on, version, status, doc_no, lines, findings, warnings", "content": {"application/json": {}}},
        "403": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{job}": {
      "get": {"summary": "A plan job's status, progress and, once done, its report", "parameters": [{"$ref": "#/components/parameters/job"}],
        "responses": {"200": {"description": "The job", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}}, "404": {"$ref": "#/components/responses/Error"}}},
      "delete": {"summary": "Cancel a plan job", "parameters": [{"$ref": "#/components/parameters/job"}],
        "responses": {"200": {"description": "The job", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{job}/events": {"get": {"summary": "Server-sent events (event: progress) with the job's status, level and elapsed seconds as they change, until it is finished",
      "parameters": [{"$ref": "#/components/parameters/job"}],
      "responses": {"200": {"description": "An event stream; each data line is a Job without its report", "content": {"text/event-stream": {}}}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{job}/roster": {
      "get": {"summary": "The working roster: rows, the pool, vacancies and the audit", "parameters": [{"$ref": "#/components/parameters/job"}],
        "responses": {"200": {"description": "The roster", "content": {"application/json": {}}}, "409": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "Replace the working roster (an edit or an undo) and re-audit it", "parameters": [{"$ref": "#/components/parameters/job"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Roster"}}}},
        "responses": {"200": {"description": "The audit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Audit"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{job}/options": {"get": {"summary": "Inspectors who could take a school, best first, with what each choice costs",
      "parameters": [{"$ref": "#/components/parameters/job"}, {"name": "school", "in": "query", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "Options", "content": {"application/json": {}}}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{job}/roster.csv": {"get": {"summary": "The working roster as CSV", "parameters": [{"$ref": "#/components/parameters/job"}],
      "responses": {"200": {"description": "CSV", "content": {"text/csv": {}}}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{job}/roster.xlsx": {"get": {"summary": "The working roster as a workbook", "parameters": [{"$ref": "#/components/parameters/job"}],
      "responses": {"200": {"description": "XLSX", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{job}/filing.xlsx": {"get": {"summary": "The filing package of the working roster as a workbook", "parameters": [{"$ref": "#/components/parameters/job"}],
      "responses": {"200": {"description": "XLSX", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{job}/filing.html": {"get": {"summary": "The filing package of the working roster as a page", "parameters": [{"$ref": "#/components/parameters/job"}],
      "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}, "409": {"$ref": "#/components/responses/Error"}}}}
  }
}
"""#
}
