using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Calls;

/// <summary>
/// The claim on a call (ADR 0039): a write to the call's row that changes nothing, taken first in a transaction, so that
/// workflow steps, selections, letter sends and results of one call run one after the other (a row lock on PostgreSQL
/// and SQL Server, the database's write lock on SQLite). Listed in ADR 0004's bulk statements: it changes no value.
/// </summary>
internal static class CallClaim
{
    /// <summary>Takes the claim for the rest of the current transaction; false when there is no such call.</summary>
    public static async Task<bool> TakeAsync(NoressDbContext db, Guid callId, CancellationToken ct) =>
        await db.Set<Call>().Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Edition, c => c.Edition), ct) > 0;
}
