"use client";

import { useRouter } from "next/navigation";
import { PeoplePicker } from "@/components/access/people-picker";
import { searchDirectoryAction } from "../_actions/search-directory";

/** Picking a user or group opens their access: the choice lives in the URL, so it can be shared and reloaded. */
export function PersonPicker() {
  const router = useRouter();
  return (
    <div className="max-w-md">
      <PeoplePicker
        id="person"
        name="principal"
        label="User or group"
        search={searchDirectoryAction}
        onPick={(option) => {
          if (option) router.push(`/access?principal=${encodeURIComponent(option.objectId)}`);
        }}
      />
    </div>
  );
}
