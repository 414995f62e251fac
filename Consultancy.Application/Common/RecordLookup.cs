using Consultancy.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Common;

public static class RecordLookup
{
    /// <summary>
    /// The record with this id among <paramref name="records"/> (the caller's caseload, by the query filters), or
    /// <see cref="NotFoundException"/>: another consultant's record is simply not found.
    /// </summary>
    public static async Task<T> GetByIdAsync<T>(this IQueryable<T> records, int id, CancellationToken ct) where T : class =>
        await records.SingleOrDefaultAsync(r => EF.Property<int>(r, "Id") == id, ct) ?? throw new NotFoundException(typeof(T).Name, id);
}
