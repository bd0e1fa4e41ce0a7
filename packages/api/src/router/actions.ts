import {
  actionCompletionFieldsSchema,
  actionPlanFieldsSchema,
  actionReviewInputSchema,
  actionStatuses,
  actionThemeCodes,
  organisationCodeSchema,
  withActionPlanRules,
  withCompletionRules,
} from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  addActionReview,
  approvePublication,
  completeActionPlan,
  createActionPlan,
  getActionPlanInScope,
  listBodyActionPlans,
  listDepartmentActionPlans,
  updateActionPlanFields,
  withdrawPublication,
} from "../services/action-plans.ts";
import { learningLibrary } from "../services/learning.ts";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

const id = z.string().uuid("That is not an action plan id");
const versioned = { id, expectedVersion: z.number({ error: "Send the version of the plan you read" }).int().positive() };
const statusFilter = z.enum([...actionStatuses, "overdue"], { error: `Choose a status: ${[...actionStatuses, "overdue"].join(", ")}` });
const themeFilter = z.enum(actionThemeCodes as [string, ...string[]], { error: `Choose a theme: ${actionThemeCodes.join(", ")}` });

/** Learning action plans (DESIGN.md section 2): each call returns the plan(s) with reviews, status, statusLabel and overdue. */
export const actionsRouter = {
  /** A body's plans: its own people, or its department's (read only). Overdue first, then by due date. */
  list: permitted("actions.read")
    .input(z.object({ organisationCode: organisationCodeSchema }))
    .query(async ({ ctx, input }) => listBodyActionPlans(await serviceContext(ctx), input.organisationCode)),

  /** Plans across a department's bodies (or one of them), with each body's name; department users only (by scope). */
  listForDepartment: permitted("actions.read")
    .input(
      z.object({
        departmentCode: organisationCodeSchema,
        organisationCode: organisationCodeSchema.optional(),
        status: statusFilter.optional(),
        theme: themeFilter.optional(),
        owner: z.string().trim().max(200, "owner: at most 200 characters").optional(),
      }),
    )
    .query(async ({ ctx, input }) => listDepartmentActionPlans(await serviceContext(ctx), input)),

  /**
   * The learning library: the publishable "you said, we did" items of a department's bodies (or one
   * of them), newest first, searchable, with only what is fit to share. Department users only (by
   * scope): a body's people share their own items through the published learning output.
   */
  learning: permitted("actions.read")
    .input(
      z.object({
        departmentCode: organisationCodeSchema,
        organisationCode: organisationCodeSchema.optional(),
        theme: themeFilter.optional(),
        q: z.string().trim().max(200, "Search: at most 200 characters").optional(),
      }),
    )
    .query(async ({ ctx, input }) => learningLibrary(await serviceContext(ctx), input)),

  get: permitted("actions.read")
    .input(z.object({ id }))
    .query(async ({ ctx, input }) => getActionPlanInScope(await serviceContext(ctx), input.id)),

  create: permitted("actions.edit")
    .input(withActionPlanRules(actionPlanFieldsSchema.extend({ organisationCode: organisationCodeSchema })))
    .mutation(async ({ ctx, input: { organisationCode, ...fields } }) => createActionPlan(await serviceContext(ctx), organisationCode, fields)),

  /** The whole plan again (every field), at the version read; reviews and completion have their own calls. */
  update: permitted("actions.edit")
    .input(withActionPlanRules(actionPlanFieldsSchema.extend(versioned)))
    .mutation(async ({ ctx, input: { id: planId, expectedVersion, ...fields } }) => updateActionPlanFields(await serviceContext(ctx), planId, expectedVersion, fields)),

  addReview: permitted("actions.edit")
    .input(actionReviewInputSchema.extend(versioned))
    .mutation(async ({ ctx, input: { id: planId, expectedVersion, ...review } }) => addActionReview(await serviceContext(ctx), planId, expectedVersion, review)),

  /** Closes the plan: completion date, and who verified it, when and how. */
  complete: permitted("actions.edit")
    .input(withCompletionRules(actionCompletionFieldsSchema.extend(versioned)))
    .mutation(async ({ ctx, input: { id: planId, expectedVersion, ...completion } }) => completeActionPlan(await serviceContext(ctx), planId, expectedVersion, completion)),

  /** The body's senior accountable officer approves the "you said, we did" summary they read (at that version) for publication: completed actions only, and not by whoever wrote the summary. */
  approvePublication: permitted("actions.approvePublication")
    .input(z.object(versioned))
    .mutation(async ({ ctx, input }) => approvePublication(await serviceContext(ctx), input.id, input.expectedVersion)),

  /** Takes a published summary down at once: the body's senior accountable officer or the department's oversight; no version needed. */
  withdrawPublication: permitted("actions.withdrawPublication")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => withdrawPublication(await serviceContext(ctx), input.id)),
} satisfies TRPCRouterRecord;
