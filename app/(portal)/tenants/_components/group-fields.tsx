"use client";

import { useState } from "react";
import { PeoplePicker } from "@/components/access/people-picker";
import type { PickerOption } from "@/lib/access/people-picker";
import { searchGroupsAction } from "../_actions/search-groups";
import { FieldError } from "./tenant-feedback";

export type GroupChoice = { objectId: string; displayName: string };

const asOption = (group: GroupChoice): PickerOption => ({ objectId: group.objectId, type: "Group", displayName: group.displayName, detail: "Group" });

/**
 * The owner group (one) and member groups (a list) of a tenant, each picked from the directory with
 * the people picker restricted to groups. Members go to the form as repeated `memberGroupIds` fields.
 */
export function GroupFields({ owner, members: initialMembers, errors }: { owner: GroupChoice | null; members: GroupChoice[]; errors: Partial<Record<string, string>> }) {
  const [members, setMembers] = useState<GroupChoice[]>(initialMembers);
  const [pickerKey, setPickerKey] = useState(0);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <PeoplePicker id="ownerGroup" name="ownerGroupId" label="Owner group (its members are the team leads)" search={searchGroupsAction} initial={owner ? asOption(owner) : null} invalid={Boolean(errors.ownerGroupId)} describedBy={errors.ownerGroupId ? "ownerGroupId-error" : undefined} />
        <FieldError id="ownerGroupId-error" message={errors.ownerGroupId} />
      </div>
      <div>
        <PeoplePicker
          key={pickerKey}
          id="memberGroup"
          name="memberGroupCandidate"
          label="Add a member group"
          search={searchGroupsAction}
          invalid={Boolean(errors.memberGroupIds)}
          describedBy={errors.memberGroupIds ? "memberGroupIds-error" : undefined}
          onPick={(option) => {
            if (!option) return;
            setMembers((current) => (current.some((group) => group.objectId === option.objectId) ? current : [...current, { objectId: option.objectId, displayName: option.displayName }]));
            setPickerKey((key) => key + 1);
          }}
        />
        <FieldError id="memberGroupIds-error" message={errors.memberGroupIds} />
        <ul aria-label="Member groups" className="mt-2 space-y-1 text-sm">
          {members.length === 0 ? <li className="text-slate-600 dark:text-slate-400">No member groups yet.</li> : null}
          {members.map((group) => (
            <li key={group.objectId} className="flex items-center justify-between gap-2 rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
              <span>{group.displayName}</span>
              <input type="hidden" name="memberGroupIds" value={group.objectId} />
              <button type="button" className="text-sm text-red-700 underline underline-offset-2 dark:text-red-400" onClick={() => setMembers((current) => current.filter((candidate) => candidate.objectId !== group.objectId))}>
                Remove<span className="sr-only"> {group.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
