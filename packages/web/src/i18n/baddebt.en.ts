// English — bad-debt requests; the type keeps the keys in step with baddebt.zh-CN.ts.
import type { BadDebtMessages } from './baddebt.zh-CN';

const baddebtEn: BadDebtMessages = {
  badDebtRequest: {
    tabs: { documents: 'All approvals', badDebt: 'Bad-debt requests' },
    inbox: {
      title: 'Bad-debt requests awaiting me',
      intro: 'Bad-debt write-offs requested by finance go through approval: someone other than the requester, with the right to approve, must approve them before they are booked (an executive from 50,000). They are listed under All approvals too.',
      empty: 'No bad-debt requests are waiting for you', count: '{{count}} waiting',
    },
    list: {
      title: 'All bad-debt requests', status: 'Status', allStatuses: 'All statuses', searchPlaceholder: 'Search receivable number, customer',
      empty: 'No bad-debt requests',
    },
    fields: {
      receivable: 'Receivable', customer: 'Customer', amount: 'Bad-debt amount', reason: 'Reason', status: 'Status', requestedBy: 'Requested by',
      requestedAt: 'Requested at', decidedBy: 'Decided by', decidedAt: 'Decided at', decisionComment: 'Comment',
    },
    statuses: { pending: 'Pending', approved: 'Written off', rejected: 'Rejected' },
    actions: {
      approve: 'Approve write-off', reject: 'Reject', comment: 'Reason for rejecting', commentOptional: 'Comment (optional)',
      approveHint: 'Approving writes {{amount}} off as bad debt at once; the receivable\'s open amount drops by as much.',
      rejectHint: 'Rejecting leaves the receivable as it is; the requester may ask again.',
      approved: 'Approved; the bad debt is written off', rejected: 'Bad-debt request rejected',
      ownRequest: 'You made this request; someone else must decide it',
    },
    drawer: {
      pending: 'Bad-debt request pending: {{amount}}',
      requested: 'Requested by {{name}} at {{time}} · Reason: {{reason}}',
      alreadyPending: 'A bad-debt request for this receivable is already pending',
      lastRejected: 'The last bad-debt request was rejected by {{name}}: {{comment}}',
    },
  },
};

export default baddebtEn;
