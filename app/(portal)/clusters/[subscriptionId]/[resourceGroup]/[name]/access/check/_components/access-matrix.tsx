import { Table, Td, Th } from "@/components/ui/table";
import { checkResourceNames, checkVerbs } from "@/lib/access/access-check";
import type { MatrixCell } from "@/lib/server/access/access-check";

/** Verbs × resources in one namespace; each cell says Allowed or Denied in words, colour only repeats it. */
export function AccessMatrix({ matrix, caption }: { matrix: MatrixCell[]; caption: string }) {
  const allowed = (verb: string, resource: string) => matrix.find((cell) => cell.verb === verb && cell.resource === resource)?.allowed === true;
  return (
    <Table caption={caption} showCaption>
      <thead className="bg-slate-50 dark:bg-slate-800/50">
        <tr>
          <Th>Resource</Th>
          {checkVerbs.map((verb) => (
            <Th key={verb}>{verb}</Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {checkResourceNames.map((resource) => (
          <tr key={resource}>
            <th scope="row" className="px-4 py-3 text-left font-mono text-sm font-medium">
              {resource}
            </th>
            {checkVerbs.map((verb) =>
              allowed(verb, resource) ? (
                <Td key={verb} className="font-medium text-emerald-800 dark:text-emerald-300">
                  <span aria-hidden="true">✓ </span>Allowed
                </Td>
              ) : (
                <Td key={verb} className="text-slate-600 dark:text-slate-400">
                  <span aria-hidden="true">✕ </span>Denied
                </Td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
