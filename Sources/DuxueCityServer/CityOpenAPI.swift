import DuxueServer
import Foundation

/// The city server's OpenAPI 3 document at `/openapi.json`: the city's own routes written here, and
/// every route of the district workbench under `/d/{district}` taken from `duxue serve`'s document
/// (a test keeps the router and the document the same both ways).
enum CityOpenAPI {
    static let cityPaths = #"""
{
  "/login": {
    "get": {"summary": "The login page", "security": [], "responses": {"200": {"description": "HTML"}}},
    "post": {"summary": "Log in (form fields or JSON {name, password}); a new session cookie (HttpOnly, SameSite=Strict, Secure beyond loopback) and its CSRF token. 401 for a wrong name or password alike, 429 after too many failures for the name or the address.", "security": [],
      "responses": {"200": {"description": "The session (JSON login)"}, "303": {"description": "To the first page (form login)"}, "401": {"description": "Failed"}, "429": {"description": "Throttled"}}}
  },
  "/logout": {"post": {"summary": "Ends the session (with its CSRF token)", "security": [], "responses": {"200": {"description": "Done"}}}},
  "/logout-everywhere": {"post": {"summary": "Ends every session of the account", "responses": {"200": {"description": "How many were ended"}}}},
  "/api/session": {"get": {"summary": "The account and the session's CSRF token", "responses": {"200": {"description": "JSON"}}}},
  "/": {"get": {"summary": "The first page of the account's role (redirect)", "responses": {"303": {"description": "Redirect"}}}},
  "/health": {"get": {"summary": "Health", "security": [], "responses": {"200": {"description": "ok"}}}},
  "/openapi.json": {"get": {"summary": "This document", "security": [], "responses": {"200": {"description": "JSON"}}}},
  "/assets/app.js": {"get": {"summary": "The workbench script", "security": [], "responses": {"200": {"description": "JavaScript"}}}},
  "/assets/app.css": {"get": {"summary": "The workbench style sheet", "security": [], "responses": {"200": {"description": "CSS"}}}},
  "/assets/city.js": {"get": {"summary": "The city pages' script", "security": [], "responses": {"200": {"description": "JavaScript"}}}},
  "/assets/city.css": {"get": {"summary": "The city pages' style sheet", "security": [], "responses": {"200": {"description": "CSS"}}}},
  "/favicon.svg": {"get": {"summary": "The icon", "security": [], "responses": {"200": {"description": "SVG"}}}},
  "/favicon.ico": {"get": {"summary": "The icon (SVG)", "security": [], "responses": {"200": {"description": "SVG"}}}},
  "/d/{district}": {"get": {"summary": "The district's workbench page (its users; reviewers read)", "parameters": [{"$ref": "#/components/parameters/district"}], "responses": {"200": {"description": "HTML"}}}},
  "/d/{district}/districts/{id}": {"get": {"summary": "A workbench page of an uploaded district of the district's workbench", "parameters": [{"$ref": "#/components/parameters/district"}, {"$ref": "#/components/parameters/id"}], "responses": {"200": {"description": "HTML"}}}},
  "/d/{district}/submissions": {"get": {"summary": "The district's filings page: versions, statuses, the city's comments", "parameters": [{"$ref": "#/components/parameters/district"}], "responses": {"200": {"description": "HTML"}}}},
  "/d/{district}/filings": {
    "get": {"summary": "The district's filings, newest first", "parameters": [{"$ref": "#/components/parameters/district"}], "responses": {"200": {"description": "JSON {filings}"}}},
    "post": {"summary": "Submit an uploaded filing workbook (?name=FILE.xlsx, the bytes as the body, at most 10 MB) as the next version (district users)", "parameters": [{"$ref": "#/components/parameters/district"}], "responses": {"201": {"description": "The filing"}, "409": {"description": "A version waits for a decision"}, "413": {"description": "Too large"}, "422": {"description": "Not a readable filing"}}}
  },
  "/d/{district}/filings/from-job/{job}": {"post": {"summary": "Submit the filing workbook of a finished plan of the district's workbench", "parameters": [{"$ref": "#/components/parameters/district"}, {"$ref": "#/components/parameters/job"}], "responses": {"201": {"description": "The filing"}}}},
  "/d/{district}/filings/{filing}/file": {"get": {"summary": "Download a filing as submitted", "parameters": [{"$ref": "#/components/parameters/district"}, {"$ref": "#/components/parameters/filing"}], "responses": {"200": {"description": "XLSX"}}}},
  "/d/{district}/filings/{filing}/accept": {"post": {"summary": "Accept a submitted filing (reviewers), JSON {comment}", "parameters": [{"$ref": "#/components/parameters/district"}, {"$ref": "#/components/parameters/filing"}], "responses": {"200": {"description": "The filing"}, "409": {"description": "Already decided"}}}},
  "/d/{district}/filings/{filing}/return": {"post": {"summary": "Return a submitted filing with a comment (reviewers), JSON {comment}", "parameters": [{"$ref": "#/components/parameters/district"}, {"$ref": "#/components/parameters/filing"}], "responses": {"200": {"description": "The filing"}, "409": {"description": "Already decided"}}}},
  "/city": {"get": {"summary": "The city dashboard page (reviewers)", "responses": {"200": {"description": "HTML"}}}},
  "/api/city/dashboard": {"get": {"summary": "The dashboard: each district's status, deadline and the review of its latest filing", "responses": {"200": {"description": "JSON"}}}},
  "/api/city/deadlines/{district}": {"put": {"summary": "Set a district's deadline, JSON {due_on: YYYY-MM-DD} (reviewers)", "parameters": [{"$ref": "#/components/parameters/district"}], "responses": {"200": {"description": "Set"}}}},
  "/api/city/audit": {"get": {"summary": "The audit log, newest first (?limit, ?before, ?district) (reviewers, administrators)", "responses": {"200": {"description": "JSON {entries}"}}}},
  "/api/city/audit.csv": {"get": {"summary": "The audit log as CSV, oldest first, the newest 99,999 rows before ?before (or ?limit fewer), ?district (reviewers, administrators); a last column district_name names the district as its policy does", "responses": {"200": {"description": "CSV", "headers": {"X-Duxue-Truncated": {"$ref": "#/components/headers/X-Duxue-Truncated"}}}}}},
  "/admin": {"get": {"summary": "The accounts page (administrators)", "responses": {"200": {"description": "HTML"}}}},
  "/api/accounts": {
    "get": {"summary": "Every account (administrators)", "responses": {"200": {"description": "JSON {accounts}"}}},
    "post": {"summary": "Create an account, JSON {name, role, district, password} (administrators)", "responses": {"201": {"description": "The account"}}}
  },
  "/api/accounts/{account}": {"patch": {"summary": "Change an account, JSON {disabled, password, role, district} (administrators); revokes its sessions", "parameters": [{"$ref": "#/components/parameters/account"}], "responses": {"200": {"description": "The account"}}}},
  "/api/accounts/{account}/logout-everywhere": {"post": {"summary": "End every session of an account (administrators)", "parameters": [{"$ref": "#/components/parameters/account"}], "responses": {"200": {"description": "How many"}}}}
}
"""#

    /// The document, built once.
    static let text: String = {
        let city = (try? JSONSerialization.jsonObject(with: Data(cityPaths.utf8))) as? [String: Any] ?? [:]
        let district = (try? JSONSerialization.jsonObject(with: Data(EmbeddedWorkbench.openAPIText.utf8))) as? [String: Any] ?? [:]
        var paths = city
        let districtParameter: [String: Any] = ["$ref": "#/components/parameters/district"]
        for (path, value) in (district["paths"] as? [String: Any]) ?? [:] where path.hasPrefix("/api/") {
            guard var operations = value as? [String: Any] else { continue }
            for (method, operation) in operations {
                guard var operation = operation as? [String: Any] else { continue }
                operation["parameters"] = [districtParameter] + ((operation["parameters"] as? [Any]) ?? [])
                operations[method] = operation
            }
            paths["/d/{district}" + path] = operations
        }
        var components = (district["components"] as? [String: Any]) ?? [:]
        var parameters = (components["parameters"] as? [String: Any]) ?? [:]
        parameters["district"] = ["name": "district", "in": "path", "required": true, "description": "A district of the city: its folder's name.",
                                  "schema": ["type": "string"]]
        parameters["filing"] = ["name": "filing", "in": "path", "required": true, "description": "A filing id.", "schema": ["type": "integer"]]
        parameters["account"] = ["name": "account", "in": "path", "required": true, "description": "An account id.", "schema": ["type": "integer"]]
        components["parameters"] = parameters
        var responses = (components["responses"] as? [String: Any]) ?? [:]
        responses["Busy"] = ["description": "Busy or unavailable: the worker pool for bcrypt and for reading filings has its queue full, or the city database cannot be read or written now; nothing was changed, try again shortly.",
                             "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
        responses["LoginRequired"] = ["description": "No live session (pages redirect to /login instead)",
                                      "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
        components["responses"] = responses
        components["headers"] = ["X-Duxue-Truncated": [
            "description": "Present when older rows remain than the file holds: says so and names the next page (/api/city/audit.csv?before=ID); the file name then says partial.",
            "schema": ["type": "string"]]]
        // Every route may answer 503 (the session is looked up in the city database, slow work waits in a
        // bounded pool), and every route behind a session 401.
        for (path, value) in paths {
            guard var operations = value as? [String: Any] else { continue }
            for (method, operation) in operations {
                guard var operation = operation as? [String: Any] else { continue }
                var answers = (operation["responses"] as? [String: Any]) ?? [:]
                if answers["503"] == nil { answers["503"] = ["$ref": "#/components/responses/Busy"] }
                let open = (operation["security"] as? [Any])?.isEmpty == true
                if !open && answers["401"] == nil { answers["401"] = ["$ref": "#/components/responses/LoginRequired"] }
                operation["responses"] = answers
                operations[method] = operation
            }
            paths[path] = operations
        }
        components["securitySchemes"] = ["session": ["type": "apiKey", "in": "cookie", "name": "duxue_session"]]
        let document: [String: Any] = [
            "openapi": "3.0.3",
            "info": ["title": "Duxue city workbench API", "version": "1",
                     "description": "The API of `duxue serve --city`. Every route but the login, logout, health, this document and the static assets needs a session (cookie duxue_session; 401 without). State-changing requests carry the session's CSRF token in X-Duxue-CSRF (GET /api/session). Under /d/{district} are the routes of `duxue serve` for one district: its users may call all of them, reviewers the GET ones. The roles and what each may do: docs/city.md."],
            "security": [["session": [String]()]],
            "components": components,
            "paths": paths,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }()
}
