using AutoMapper;
using AutoMapper.QueryableExtensions;
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

    /// <summary>
    /// The record with this id as <typeparamref name="TForm"/> (its edit form), reading only the columns the form
    /// shows, or <see cref="NotFoundException"/> like <see cref="GetByIdAsync{T}"/>.
    /// </summary>
    public static async Task<TForm> GetAsAsync<T, TForm>(this IQueryable<T> records, int id, IConfigurationProvider maps, CancellationToken ct)
        where T : class =>
        await records.Where(r => EF.Property<int>(r, "Id") == id).ProjectTo<TForm>(maps).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException(typeof(T).Name, id);
}
