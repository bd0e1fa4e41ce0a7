import { describe, expect, it } from "vitest";
import { toFieldErrors } from "./form-errors.ts";

describe("form errors", () => {
  const order = ["failing", "sourceComplaints", "action", "startDate", "dueDate"];

  it("lists problems in the form's order, links dates to their day field, and prefers the browser's words", () => {
    const errors = toFieldErrors(
      [
        { field: "dueDate", message: "Enter the due date as YYYY-MM-DD" },
        { field: "action", message: "Enter the action" },
        { field: "sourceComplaints", message: "Complaint reference “Jane Smith” looks like a name." },
        { field: "sourceComplaints", message: "Complaint reference “07700 900123” looks like a phone number." },
      ],
      { dueDate: "Enter the due date" },
      order,
      ["startDate", "dueDate"],
    );
    expect(errors).toEqual([
      { field: "sourceComplaints", href: "#sourceComplaints", message: "Complaint reference “Jane Smith” looks like a name." },
      { field: "sourceComplaints", href: "#sourceComplaints", message: "Complaint reference “07700 900123” looks like a phone number." },
      { field: "action", href: "#action", message: "Enter the action" },
      { field: "dueDate", href: "#dueDate-day", message: "Enter the due date" },
    ]);
  });

  it("links a problem with no field of its own to the first field", () => {
    expect(toFieldErrors([{ field: "", message: "Something is wrong" }], {}, order)).toEqual([{ field: "", href: "#failing", message: "Something is wrong" }]);
  });
});
