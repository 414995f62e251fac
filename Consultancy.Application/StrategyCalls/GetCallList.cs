using System.Linq.Expressions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

public enum CallPeriod
{
    Upcoming = 0,
    Past = 1,
}

/// <summary>The calls in the user's caseload: upcoming soonest first, past latest first.</summary>
public sealed record GetCallList : IRequest<PagedList<CallListItem>>
{
    public CallPeriod Period { get; set; }
    public string? ConsultantId { get; set; }
    public CallStatus? Status { get; set; }
    /// <summary>Part of the client's name or email.</summary>
    public string? Search { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = Paging.DefaultPageSize;
}

public sealed record CallListItem(
    int Id, int ClientId, string ClientName, ClientStage ClientStage, string ConsultantName, DateTime StartUtc, DateTime EndUtc,
    CallStatus Status, CallBookedBy BookedBy)
{
    /// <summary>The projection every call list selects, so EF reads only these columns.</summary>
    internal static readonly Expression<Func<StrategyCall, CallListItem>> FromCall = c => new CallListItem(
        c.Id, c.ClientId, c.Client!.FirstName + " " + c.Client.LastName, c.Client.Stage,
        c.Consultant!.DisplayName, c.StartUtc, c.EndUtc, c.Status, c.BookedBy);
}

internal sealed class GetCallListHandler(IAppDbContext db, TimeProvider clock) : IRequestHandler<GetCallList, PagedList<CallListItem>>
{
    public async Task<PagedList<CallListItem>> Handle(GetCallList request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var calls = db.StrategyCalls.AsQueryable();
        calls = request.Period == CallPeriod.Upcoming ? calls.Where(c => c.EndUtc > now) : calls.Where(c => c.EndUtc <= now);
        if (!string.IsNullOrWhiteSpace(request.ConsultantId)) calls = calls.Where(c => c.ConsultantId == request.ConsultantId);
        if (request.Status is { } status) calls = calls.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim().ToLowerInvariant();
            calls = calls.Where(c => c.Client!.SearchText.Contains(term));
        }
        calls = request.Period == CallPeriod.Upcoming ? calls.OrderBy(c => c.StartUtc) : calls.OrderByDescending(c => c.StartUtc);
        return await calls
            .Select(CallListItem.FromCall)
            .ToPagedListAsync(request.Page, request.PageSize, ct);
    }
}
