// The demo companies the sandbox is seeded with: people, cards, users and the merchants they buy from.
import type { Category } from "../api/categories.js";

/** [name, category, mcc, country, currency, min, max (in that currency), relative frequency] */
export type MerchantSeed = readonly [string, Category, string, string, string, number, number, number];

export interface CardSeed {
  holder: string;
  type: "PHYSICAL" | "VIRTUAL";
  status: "ACTIVE" | "LOCKED" | "CANCELLED";
  limit: number;
  period: "DAILY" | "MONTHLY" | "PER_TRANSACTION";
  /** Fixed identity for the cards scripts and examples rely on. */
  id?: string;
  last4?: string;
  brand?: "MASTERCARD" | "VISA";
}

export interface UserSeed {
  email: string;
  name: string;
  role: "ADMINISTRATOR" | "BOOKKEEPER" | "EMPLOYEE" | "VIEWER";
  /** The cardholder this user is, by name. */
  holder?: string;
  id?: string;
}

export interface CompanySeed {
  id: string;
  legalName: string;
  country: "MX" | "BR" | "CO";
  currency: string;
  timeZone: string;
  taxId: string;
  statementDay: number;
  emailDomain: string;
  /** Cardholder names; fixed ids where examples use them. */
  cardholders: readonly (string | { name: string; id: string })[];
  cards: readonly CardSeed[];
  users: readonly UserSeed[];
  merchants: readonly MerchantSeed[];
  /** Company-currency units per unit of each foreign currency. */
  fx: Record<string, number>;
}

const card = (holder: string, type: CardSeed["type"], status: CardSeed["status"], limit: number, period: CardSeed["period"] = "MONTHLY"): CardSeed => ({ holder, type, status, limit, period });

export const ACME: CompanySeed = {
  id: "cmp_acme",
  legalName: "Acme Logística S.A. de C.V.",
  country: "MX",
  currency: "MXN",
  timeZone: "America/Mexico_City",
  taxId: "ALO150301AB3",
  statementDay: 5,
  emailDomain: "acme.example",
  cardholders: [
    "Ana Torres", "Roberto Salinas", "Daniela Ortiz", { name: "Luis Pérez", id: "chd_Lp01" }, "Luisa Pérez Gómez",
    "Mariana López", "José Hernández", "María Fernanda García", "Juan Carlos Martínez", "Sofía Ramírez",
    "Diego Sánchez", "Valeria Cruz", "Alejandro Flores", "Camila Morales", "Fernando Reyes",
    "Gabriela Jiménez", "Ricardo Vázquez", "Paola Castillo", "Miguel Ángel Romero", "Ximena Aguilar",
    "Andrés Mendoza", "Regina Herrera", "Emilio Chávez", "Renata Domínguez", "Héctor Gutiérrez",
    "Natalia Ruiz", "Óscar Navarro", "Lucía Ríos", "Sebastián Medina", "Fernanda Núñez",
  ],
  cards: [
    { holder: "Luis Pérez", type: "PHYSICAL", status: "ACTIVE", limit: 20000, period: "MONTHLY", id: "card_7Hq2LmX9", last4: "4821", brand: "MASTERCARD" },
    card("Luisa Pérez Gómez", "PHYSICAL", "ACTIVE", 30000),
    card("Ana Torres", "PHYSICAL", "ACTIVE", 250000),
    card("Ana Torres", "VIRTUAL", "ACTIVE", 150000),
    card("Roberto Salinas", "PHYSICAL", "ACTIVE", 120000),
    card("Daniela Ortiz", "PHYSICAL", "ACTIVE", 15000),
    card("Daniela Ortiz", "VIRTUAL", "ACTIVE", 8000, "PER_TRANSACTION"),
    card("Mariana López", "PHYSICAL", "ACTIVE", 25000),
    card("Mariana López", "VIRTUAL", "ACTIVE", 60000),
    card("José Hernández", "PHYSICAL", "LOCKED", 80000),
    card("María Fernanda García", "PHYSICAL", "ACTIVE", 150000),
    card("Juan Carlos Martínez", "PHYSICAL", "ACTIVE", 250000),
    card("Juan Carlos Martínez", "VIRTUAL", "ACTIVE", 100000),
    card("Sofía Ramírez", "PHYSICAL", "ACTIVE", 60000),
    card("Sofía Ramírez", "VIRTUAL", "ACTIVE", 5000, "DAILY"),
    card("Diego Sánchez", "PHYSICAL", "ACTIVE", 20000),
    card("Valeria Cruz", "PHYSICAL", "ACTIVE", 10000),
    card("Alejandro Flores", "PHYSICAL", "ACTIVE", 300000),
    card("Alejandro Flores", "VIRTUAL", "ACTIVE", 150000),
    card("Camila Morales", "PHYSICAL", "LOCKED", 40000),
    card("Fernando Reyes", "PHYSICAL", "CANCELLED", 50000),
    card("Gabriela Jiménez", "PHYSICAL", "ACTIVE", 80000),
    card("Gabriela Jiménez", "VIRTUAL", "CANCELLED", 20000),
    card("Ricardo Vázquez", "PHYSICAL", "ACTIVE", 200000),
    card("Ricardo Vázquez", "VIRTUAL", "LOCKED", 40000),
    card("Paola Castillo", "PHYSICAL", "ACTIVE", 40000),
    card("Miguel Ángel Romero", "PHYSICAL", "ACTIVE", 3000, "DAILY"),
    card("Ximena Aguilar", "PHYSICAL", "CANCELLED", 20000),
    card("Andrés Mendoza", "PHYSICAL", "ACTIVE", 60000),
    card("Andrés Mendoza", "VIRTUAL", "ACTIVE", 15000, "PER_TRANSACTION"),
    card("Regina Herrera", "PHYSICAL", "ACTIVE", 50000),
    card("Emilio Chávez", "PHYSICAL", "LOCKED", 30000),
    card("Renata Domínguez", "VIRTUAL", "ACTIVE", 60000),
    card("Héctor Gutiérrez", "PHYSICAL", "ACTIVE", 200000),
    card("Héctor Gutiérrez", "VIRTUAL", "CANCELLED", 20000),
    card("Natalia Ruiz", "PHYSICAL", "ACTIVE", 40000),
    card("Óscar Navarro", "PHYSICAL", "ACTIVE", 2500, "DAILY"),
    card("Lucía Ríos", "PHYSICAL", "LOCKED", 60000),
    card("Sebastián Medina", "PHYSICAL", "ACTIVE", 150000),
    card("Fernanda Núñez", "VIRTUAL", "ACTIVE", 40000),
  ],
  users: [
    { email: "admin@acme.example", name: "Ana Torres", role: "ADMINISTRATOR", holder: "Ana Torres", id: "usr_8f2a1c" },
    { email: "books@acme.example", name: "Roberto Salinas", role: "BOOKKEEPER", holder: "Roberto Salinas" },
    { email: "employee@acme.example", name: "Daniela Ortiz", role: "EMPLOYEE", holder: "Daniela Ortiz" },
    { email: "viewer@acme.example", name: "Carmen Vega", role: "VIEWER" },
  ],
  fx: { USD: 17.25, EUR: 18.7 },
  merchants: [
    ["Aeroméxico", "TRAVEL", "4511", "MX", "MXN", 1800, 28000, 12],
    ["Volaris", "TRAVEL", "4511", "MX", "MXN", 900, 9000, 14],
    ["Viva Aerobus", "TRAVEL", "4511", "MX", "MXN", 800, 7500, 12],
    ["United Airlines", "TRAVEL", "3000", "US", "USD", 180, 1400, 3],
    ["Iberia", "TRAVEL", "3026", "ES", "EUR", 350, 1900, 2],
    ["ETN Turistar", "TRAVEL", "4131", "MX", "MXN", 450, 1800, 6],
    ["Fiesta Americana Reforma", "LODGING", "7011", "MX", "MXN", 2200, 9500, 8],
    ["City Express Monterrey", "LODGING", "7011", "MX", "MXN", 1200, 3800, 9],
    ["Hilton Guadalajara", "LODGING", "7011", "MX", "MXN", 2500, 8800, 5],
    ["Marriott Marquis New York", "LODGING", "7011", "US", "USD", 280, 900, 2],
    ["Booking.com", "LODGING", "4722", "NL", "EUR", 90, 700, 3],
    ["Oxxo", "FOOD", "5499", "MX", "MXN", 25, 350, 60],
    ["Starbucks", "FOOD", "5814", "MX", "MXN", 65, 480, 45],
    ["Sanborns", "FOOD", "5812", "MX", "MXN", 250, 1900, 20],
    ["Vips", "FOOD", "5812", "MX", "MXN", 180, 1400, 18],
    ["Toks", "FOOD", "5812", "MX", "MXN", 200, 1500, 16],
    ["El Cardenal", "FOOD", "5812", "MX", "MXN", 600, 4500, 7],
    ["Pujol", "FOOD", "5812", "MX", "MXN", 3500, 16000, 2],
    ["Rappi", "FOOD", "5812", "MX", "MXN", 120, 1200, 30],
    ["Uber Eats", "FOOD", "5812", "MX", "MXN", 110, 1100, 25],
    ["Uber", "TRANSPORTATION", "4121", "MX", "MXN", 55, 850, 55],
    ["DiDi", "TRANSPORTATION", "4121", "MX", "MXN", 45, 650, 35],
    ["Cabify", "TRANSPORTATION", "4121", "MX", "MXN", 70, 900, 12],
    ["IAVE Casetas", "TRANSPORTATION", "4784", "MX", "MXN", 40, 900, 18],
    ["Estacionamientos Gosa", "TRANSPORTATION", "7523", "MX", "MXN", 30, 350, 15],
    ["Hertz México", "TRANSPORTATION", "7512", "MX", "MXN", 900, 7000, 3],
    ["Pemex", "FUEL", "5541", "MX", "MXN", 350, 2200, 30],
    ["Oxxo Gas", "FUEL", "5541", "MX", "MXN", 300, 2000, 18],
    ["Shell", "FUEL", "5541", "MX", "MXN", 350, 2100, 12],
    ["BP", "FUEL", "5541", "MX", "MXN", 300, 1900, 10],
    ["Amazon Web Services", "SOFTWARE_AND_HARDWARE", "5734", "US", "USD", 15, 4200, 8],
    ["Google Workspace", "SOFTWARE_AND_HARDWARE", "5734", "US", "USD", 12, 600, 6],
    ["Slack", "SOFTWARE_AND_HARDWARE", "5734", "US", "USD", 9, 450, 4],
    ["GitHub", "SOFTWARE_AND_HARDWARE", "5734", "US", "USD", 4, 420, 4],
    ["Microsoft 365", "SOFTWARE_AND_HARDWARE", "5734", "MX", "MXN", 150, 3500, 5],
    ["Cyberpuerta", "SOFTWARE_AND_HARDWARE", "5732", "MX", "MXN", 300, 32000, 4],
    ["Apple Store Antara", "SOFTWARE_AND_HARDWARE", "5732", "MX", "MXN", 1200, 55000, 2],
    ["Office Depot", "OFFICE_SUPPLIES", "5943", "MX", "MXN", 80, 4500, 14],
    ["OfficeMax", "OFFICE_SUPPLIES", "5943", "MX", "MXN", 70, 3800, 10],
    ["Papelería Lumen", "OFFICE_SUPPLIES", "5943", "MX", "MXN", 40, 1500, 9],
    ["Google Ads", "MARKETING", "7311", "US", "USD", 30, 2500, 5],
    ["Meta Ads", "MARKETING", "7311", "IE", "USD", 25, 1800, 5],
    ["LinkedIn Ads", "MARKETING", "7311", "US", "USD", 60, 1500, 2],
    ["Imprenta Digital Express", "MARKETING", "7338", "MX", "MXN", 400, 12000, 3],
    ["Despacho Contable Ruiz y Asociados", "PROFESSIONAL_SERVICES", "8931", "MX", "MXN", 3500, 25000, 2],
    ["Notaría 128 CDMX", "PROFESSIONAL_SERVICES", "8111", "MX", "MXN", 1500, 18000, 1],
    ["WeWork Reforma", "PROFESSIONAL_SERVICES", "6513", "MX", "MXN", 1800, 15000, 2],
    ["Coursera", "PROFESSIONAL_SERVICES", "8299", "US", "USD", 39, 399, 2],
    ["Telcel", "UTILITIES", "4814", "MX", "MXN", 250, 2600, 8],
    ["Telmex", "UTILITIES", "4814", "MX", "MXN", 400, 1800, 4],
    ["CFE", "UTILITIES", "4900", "MX", "MXN", 600, 9000, 3],
    ["Izzi", "UTILITIES", "4899", "MX", "MXN", 450, 1500, 3],
    ["Cinépolis", "ENTERTAINMENT", "7832", "MX", "MXN", 90, 900, 8],
    ["Ticketmaster", "ENTERTAINMENT", "7922", "MX", "MXN", 600, 8500, 3],
    ["Six Flags México", "ENTERTAINMENT", "7996", "MX", "MXN", 500, 4800, 1],
    ["Costco", "OTHER", "5300", "MX", "MXN", 300, 9000, 8],
    ["Liverpool", "OTHER", "5311", "MX", "MXN", 400, 14000, 5],
    ["The Home Depot", "OTHER", "5200", "MX", "MXN", 150, 7500, 6],
    ["Mercado Libre", "OTHER", "5399", "MX", "MXN", 90, 6500, 14],
  ],
};

export const BRASA: CompanySeed = {
  id: "cmp_brasa",
  legalName: "Brasa Comércio de Alimentos Ltda.",
  country: "BR",
  currency: "BRL",
  timeZone: "America/Sao_Paulo",
  taxId: "12.345.678/0001-95",
  statementDay: 10,
  emailDomain: "brasa.example",
  cardholders: ["Carla Souza", "Pedro Almeida", "Juliana Ferreira", "Rafael Oliveira", "Beatriz Santos", "Thiago Costa", "Fernanda Lima", "Lucas Rodrigues"],
  cards: [
    card("Carla Souza", "PHYSICAL", "ACTIVE", 30000),
    card("Carla Souza", "VIRTUAL", "ACTIVE", 10000),
    card("Pedro Almeida", "PHYSICAL", "ACTIVE", 15000),
    card("Juliana Ferreira", "PHYSICAL", "LOCKED", 8000),
    card("Rafael Oliveira", "PHYSICAL", "ACTIVE", 12000),
    card("Beatriz Santos", "VIRTUAL", "ACTIVE", 5000),
    card("Thiago Costa", "PHYSICAL", "CANCELLED", 6000),
    card("Fernanda Lima", "PHYSICAL", "ACTIVE", 9000),
    card("Lucas Rodrigues", "PHYSICAL", "ACTIVE", 7000),
    card("Lucas Rodrigues", "VIRTUAL", "ACTIVE", 2000, "DAILY"),
  ],
  users: [{ email: "admin@brasa.example", name: "Carla Souza", role: "ADMINISTRATOR", holder: "Carla Souza" }],
  fx: { USD: 5.05, EUR: 5.48 },
  merchants: [
    ["LATAM Airlines", "TRAVEL", "4511", "BR", "BRL", 350, 4800, 8],
    ["GOL Linhas Aéreas", "TRAVEL", "4511", "BR", "BRL", 300, 3900, 8],
    ["Azul", "TRAVEL", "4511", "BR", "BRL", 320, 4200, 6],
    ["Ibis São Paulo Paulista", "LODGING", "7011", "BR", "BRL", 280, 1400, 6],
    ["iFood", "FOOD", "5812", "BR", "BRL", 25, 260, 40],
    ["Padaria Real", "FOOD", "5814", "BR", "BRL", 12, 120, 30],
    ["Outback Steakhouse", "FOOD", "5812", "BR", "BRL", 120, 900, 8],
    ["99", "TRANSPORTATION", "4121", "BR", "BRL", 12, 180, 30],
    ["Uber", "TRANSPORTATION", "4121", "BR", "BRL", 14, 220, 30],
    ["Sem Parar", "TRANSPORTATION", "4784", "BR", "BRL", 10, 250, 10],
    ["Posto Ipiranga", "FUEL", "5541", "BR", "BRL", 90, 480, 20],
    ["Petrobras BR", "FUEL", "5541", "BR", "BRL", 90, 450, 15],
    ["Amazon Web Services", "SOFTWARE_AND_HARDWARE", "5734", "US", "USD", 15, 1500, 5],
    ["Kabum", "SOFTWARE_AND_HARDWARE", "5732", "BR", "BRL", 80, 9500, 3],
    ["Kalunga", "OFFICE_SUPPLIES", "5943", "BR", "BRL", 20, 900, 10],
    ["Google Ads", "MARKETING", "7311", "US", "USD", 20, 900, 4],
    ["Contabilidade Moreira", "PROFESSIONAL_SERVICES", "8931", "BR", "BRL", 800, 4500, 1],
    ["Vivo", "UTILITIES", "4814", "BR", "BRL", 60, 600, 5],
    ["Enel São Paulo", "UTILITIES", "4900", "BR", "BRL", 150, 2200, 2],
    ["Cinemark", "ENTERTAINMENT", "7832", "BR", "BRL", 25, 250, 4],
    ["Mercado Livre", "OTHER", "5399", "BR", "BRL", 30, 2500, 10],
    ["Booking.com", "LODGING", "4722", "NL", "EUR", 60, 400, 2],
  ],
};

// Colombia: the peso's amounts are large, and ISO 4217 still gives it two decimals ("1250000.00 COP").
export const ANDES: CompanySeed = {
  id: "cmp_andes",
  legalName: "Andes Logística S.A.S.",
  country: "CO",
  currency: "COP",
  timeZone: "America/Bogota",
  // A NIT with its check digit (DIAN's weights 3, 7, 13, 17, …, modulo 11).
  taxId: "901.234.567-7",
  statementDay: 20,
  emailDomain: "andes.example",
  cardholders: [
    "Catalina Restrepo", "Santiago Gómez", "Valentina Cárdenas", "Andrés Felipe Ríos", "Mariana Zapata", "Julián Ospina",
    "Laura Castaño", "Camilo Arango", "Daniela Quintero", "Mateo Londoño", "Isabella Vélez", "Nicolás Jaramillo",
  ],
  cards: [
    card("Catalina Restrepo", "PHYSICAL", "ACTIVE", 40000000),
    card("Catalina Restrepo", "VIRTUAL", "ACTIVE", 15000000),
    card("Santiago Gómez", "PHYSICAL", "ACTIVE", 25000000),
    card("Valentina Cárdenas", "PHYSICAL", "ACTIVE", 12000000),
    card("Andrés Felipe Ríos", "PHYSICAL", "ACTIVE", 8000000),
    card("Andrés Felipe Ríos", "VIRTUAL", "ACTIVE", 1500000, "PER_TRANSACTION"),
    card("Mariana Zapata", "PHYSICAL", "LOCKED", 10000000),
    card("Julián Ospina", "PHYSICAL", "ACTIVE", 18000000),
    card("Laura Castaño", "VIRTUAL", "ACTIVE", 6000000),
    card("Camilo Arango", "PHYSICAL", "CANCELLED", 9000000),
    card("Daniela Quintero", "PHYSICAL", "ACTIVE", 7000000),
    card("Mateo Londoño", "PHYSICAL", "ACTIVE", 400000, "DAILY"),
    card("Isabella Vélez", "PHYSICAL", "ACTIVE", 20000000),
    card("Nicolás Jaramillo", "VIRTUAL", "ACTIVE", 5000000),
  ],
  users: [{ email: "admin@andes.example", name: "Catalina Restrepo", role: "ADMINISTRATOR", holder: "Catalina Restrepo" }],
  fx: { USD: 4100, EUR: 4450 },
  merchants: [
    ["Avianca", "TRAVEL", "4511", "CO", "COP", 180000, 2400000, 8],
    ["LATAM Airlines Colombia", "TRAVEL", "4511", "CO", "COP", 160000, 1900000, 6],
    ["Wingo", "TRAVEL", "4511", "CO", "COP", 120000, 900000, 4],
    ["Hotel Estelar Medellín", "LODGING", "7011", "CO", "COP", 280000, 950000, 5],
    ["GHL Hotel Bogotá", "LODGING", "7011", "CO", "COP", 250000, 800000, 4],
    ["Juan Valdez Café", "FOOD", "5814", "CO", "COP", 8000, 60000, 40],
    ["Crepes & Waffles", "FOOD", "5812", "CO", "COP", 35000, 220000, 15],
    ["Rappi", "FOOD", "5812", "CO", "COP", 20000, 160000, 30],
    ["Andrés Carne de Res", "FOOD", "5812", "CO", "COP", 120000, 900000, 2],
    ["Uber", "TRANSPORTATION", "4121", "CO", "COP", 9000, 65000, 30],
    ["DiDi", "TRANSPORTATION", "4121", "CO", "COP", 8000, 55000, 20],
    ["Peajes Ruta del Sol", "TRANSPORTATION", "4784", "CO", "COP", 12000, 90000, 8],
    ["Terpel", "FUEL", "5541", "CO", "COP", 80000, 380000, 18],
    ["Primax", "FUEL", "5541", "CO", "COP", 70000, 350000, 12],
    ["Amazon Web Services", "SOFTWARE_AND_HARDWARE", "5734", "US", "USD", 15, 900, 4],
    ["Alkosto", "SOFTWARE_AND_HARDWARE", "5732", "CO", "COP", 90000, 6500000, 3],
    ["Panamericana", "OFFICE_SUPPLIES", "5943", "CO", "COP", 15000, 450000, 10],
    ["Google Ads", "MARKETING", "7311", "US", "USD", 20, 700, 3],
    ["Contadores Asociados Medellín", "PROFESSIONAL_SERVICES", "8931", "CO", "COP", 900000, 4500000, 1],
    ["Claro", "UTILITIES", "4814", "CO", "COP", 60000, 350000, 5],
    ["EPM", "UTILITIES", "4900", "CO", "COP", 150000, 1800000, 2],
    ["Cine Colombia", "ENTERTAINMENT", "7832", "CO", "COP", 18000, 150000, 4],
    ["Éxito", "OTHER", "5311", "CO", "COP", 25000, 900000, 10],
    ["Mercado Libre", "OTHER", "5399", "CO", "COP", 30000, 1800000, 8],
  ],
};

// Andes comes last, so Acme's and Brasa's random streams (by position) stay as they were.
export const DEMO_COMPANIES: readonly CompanySeed[] = [ACME, BRASA, ANDES];
