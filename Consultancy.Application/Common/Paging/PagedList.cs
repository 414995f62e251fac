using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Common.Paging;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

public static class Paging
{
    public static readonly int[] PageSizes = [10, 25, 50, 100];
    public const int DefaultPageSize = 25;

    public static int ClampPageSize(int size) => PageSizes.Contains(size) ? size : DefaultPageSize;

    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> source, int page, int pageSize, CancellationToken ct)
    {
        pageSize = ClampPageSize(pageSize);
        var total = await source.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await source.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<T>(items, page, pageSize, total);
    }

    /// <summary>
    /// One page of a list whose total is already known. <paramref name="reversed"/> is the same list in exactly
    /// the opposite order (every sort key flipped, ending in a unique key). A page in the second half is read from
    /// that end and turned round, so the database skips at most half the list: an offset is walked entry by entry,
    /// and the last page would otherwise walk every row before it.
    /// </summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(
        this IQueryable<T> ordered, IQueryable<T> reversed, int total, int page, int pageSize, CancellationToken ct)
    {
        pageSize = ClampPageSize(pageSize);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var start = (page - 1) * pageSize;
        var end = Math.Min(start + pageSize, total);

        if (start <= total - end)
            return new PagedList<T>(await ordered.Skip(start).Take(pageSize).ToListAsync(ct), page, pageSize, total);

        var fromEnd = await reversed.Skip(total - end).Take(end - start).ToListAsync(ct);
        fromEnd.Reverse();
        return new PagedList<T>(fromEnd, page, pageSize, total);
    }
}
