using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.StrategyCalls;

/// <summary>Everyone visitors can book, for /book.</summary>
public sealed record GetBookableConsultants : IRequest<IReadOnlyList<BookableConsultant>>;

internal sealed class GetBookableConsultantsHandler(BookingCalendar calendar) : IRequestHandler<GetBookableConsultants, IReadOnlyList<BookableConsultant>>
{
    public async Task<IReadOnlyList<BookableConsultant>> Handle(GetBookableConsultants request, CancellationToken ct) =>
        (await calendar.BookableAsync(ct)).Select(BookingCalendar.Describe).ToList();
}
