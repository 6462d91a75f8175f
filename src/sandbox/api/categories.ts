// The spending categories of card transactions, and the words the API shows for them.

export type Category =
  | "TRAVEL"
  | "LODGING"
  | "FOOD"
  | "TRANSPORTATION"
  | "FUEL"
  | "SOFTWARE_AND_HARDWARE"
  | "OFFICE_SUPPLIES"
  | "MARKETING"
  | "PROFESSIONAL_SERVICES"
  | "UTILITIES"
  | "ENTERTAINMENT"
  | "OTHER";

export const CATEGORY_LABELS: Record<Category, string> = {
  TRAVEL: "Travel",
  LODGING: "Lodging",
  FOOD: "Food",
  TRANSPORTATION: "Transportation",
  FUEL: "Fuel",
  SOFTWARE_AND_HARDWARE: "Software and hardware",
  OFFICE_SUPPLIES: "Office supplies",
  MARKETING: "Marketing",
  PROFESSIONAL_SERVICES: "Professional services",
  UTILITIES: "Utilities",
  ENTERTAINMENT: "Entertainment",
  OTHER: "Other",
};
