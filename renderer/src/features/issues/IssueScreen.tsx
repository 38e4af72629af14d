export function IssueScreen({ issueId }: { issueId: string }) {
  return <h1>问题详情 {issueId}</h1>;
}
