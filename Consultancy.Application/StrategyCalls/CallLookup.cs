using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.StrategyCalls;

internal static class CallLookup
{
    /// <summary>The call with this id in the caller's caseload; anyone else's is "not found".</summary>
    public static async Task<StrategyCall> GetAsync(this DbSet<StrategyCall> calls, int id, CancellationToken ct) =>
        await calls.Include(c => c.Client).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(nameof(StrategyCall), id);

    public static void EnsureCanChange(this StrategyCall call, DateTime now)
    {
        if (call.WhyItCannotChange() is { } reason) throw new ValidationException("", reason);
        if (call.StartUtc <= now) throw new ValidationException("", "This call has already started; record its outcome instead.");
    }
}
