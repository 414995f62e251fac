using Consultancy.Application.Domain;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// The chosen time cannot be booked: someone booked it first, or the slot list would not have offered it, for
/// the reason <see cref="Refusal"/> names.
/// </summary>
public sealed class SlotRefusedException(SlotRefusal refusal) : Exception(refusal.Message)
{
    public SlotRefusal Refusal { get; } = refusal;
}
