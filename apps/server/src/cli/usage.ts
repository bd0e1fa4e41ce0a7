import { bankHolidayRegions, bodyTypes, roles } from "@complaints/domain";

export const usage = `Complaints oversight: command line

Usage: pnpm cli <command> [options]

  migrate                              bring the database schema up to date
  seed --demo                          load synthetic demo data into an empty database
  users add --email E --role R --organisation CODE [--name N] [--password-stdin]
                                       add an account (roles: ${roles.join(", ")}); without
                                       --password-stdin a random password is printed once
  users grant --email E --organisation CODE
                                       let a body's user act for another body as well
  users list [--organisation CODE]     people (email, name, role, organisations, active) and
                                       open invitations
  users invite --email E --role R --organisation CODE
                                       email a one-time link (7 days) to set a name and password;
                                       an existing account with the same body role gets the body
  users role --email E --role R --organisation CODE
                                       change a person's role or organisation
  users revoke --email E --organisation CODE
                                       stop a body's user acting for another body
  users deactivate --email E           end their sessions at once; they cannot sign in
  users reactivate --email E           let a deactivated account sign in again
  users reset-password --email E       email a one-time link to choose a new password
  organisations list [--format csv]    list organisations: code, name, type, parent, region, dates
  organisations add-department --code C --name N --region R --active-from DATE [--type T]
                                       add a department (going live); then users add --role admin
  organisations add --department D --code C --name N --type T --region R --active-from DATE
                                       add a body (type: ${bodyTypes.join(", ")};
                                       region: ${bankHolidayRegions.join(", ")})
  organisations rename --code C --name N
  organisations close --code C --active-to DATE [--reason R]
                                       no longer expected from the quarter after DATE; history stays
  service-areas add|rename --organisation C --code CODE --label L
  service-areas retire [--restore] | delete --organisation C --code CODE
                                       a code in use cannot be deleted, only retired
  windows open --department D --period P [--due-date DATE] [--dry-run]
                                       print each body's due date (default 20 working days after
                                       the quarter, in its nation), then open the quarter
  windows extend --department D --period P --organisation C --due-date DATE --reason R
  windows close --department D --period P
  audit list --department D [--organisation C] [--person EMAIL] [--return ID] [--kind K]
       [--from DATE] [--to DATE]       the department's audit log as CSV
  import returns FILE.csv [--revise]   load returns from a wide CSV, all or nothing
  import cases FILE --organisation CODE [--mapping NAME] [--period "2025-26 Q2"] [--dry-run]
       [--format text|csv]             compute a body's returns from its case file and print them;
                                       stores the cases and writes the drafts of the quarters open
                                       for editing (or only --period), all or nothing
  export returns --department CODE [--from PERIOD] [--to PERIOD] --out FILE.csv
                                       write a department's accepted returns in the same format
  pack --department CODE (--period "2025-26 Q2" | --year 2025-26) [--body CODE]
       --format ods|xlsx|pdf|csv --out FILE
                                       write a board pack: a department's (or one of its bodies')
                                       for a quarter or a financial year; csv also writes its CSVW
                                       metadata beside it (FILE.csv-metadata.json)
  annual-report --department CODE --year 2025-26 --out FILE.html
                                       write the complaints section of a department's annual
                                       report for a financial year (FILE.txt for plain text)
  backup --out FILE                    copy the whole database while the server runs (SQLite's
                                       online backup; pg_dump's custom format on PostgreSQL)
  restore --from FILE                  put a backup into DATABASE_URL, which must be empty
  serve                                start the web server (migrating first)
  start [--demo]                       migrate, load the demo if the database is empty, serve

The database is DATABASE_URL (default: an SQLite file under data/). Exit status: 0 done,
1 the command failed (the reason is printed), 2 the command was not understood.`;
