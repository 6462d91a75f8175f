// The demo companies' expense reports and limit requests: titles, out-of-pocket purchases, reasons.
import type { Category } from "../api/categories.js";

export type ExpenseStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED" | "REIMBURSED";

/** [merchant, description, category, min, max (company currency units)] */
export type OutOfPocketSeed = readonly [string, string, Category, number, number];

export interface LimitRequestSeed {
  holder: string;
  type: "PHYSICAL" | "VIRTUAL";
  status: "PENDING" | "APPROVED" | "REJECTED";
  /** The limit asked for; for an approved request, the card's limit today. */
  requested: number;
  /** The limit before: for an approved request the one it replaced (pending ones read the card's). */
  previous?: number;
  daysAgo: number;
  reason: string;
  comment?: string;
  id?: string;
}

export interface ExpenseDemo {
  reports: number;
  /** Reports with a fixed submitter and intended status, made first (employees need some of their own). */
  featured: readonly { holder: string; status: ExpenseStatus }[];
  titles: readonly string[];
  /** What a card line is for, by category. */
  purposes: Record<Category, string>;
  outOfPocket: readonly OutOfPocketSeed[];
  approvalComments: readonly string[];
  rejectionComments: readonly string[];
  failedTransfer: string;
  limitRequests: readonly LimitRequestSeed[];
}

const ACME_EXPENSES: ExpenseDemo = {
  reports: 64,
  featured: [
    { holder: "Daniela Ortiz", status: "SUBMITTED" },
    { holder: "Daniela Ortiz", status: "REIMBURSED" },
    { holder: "Daniela Ortiz", status: "DRAFT" },
    { holder: "Luis Pérez", status: "SUBMITTED" },
    { holder: "Luis Pérez", status: "APPROVED" },
  ],
  titles: [
    "Visita a clientes en Monterrey", "Congreso de logística en Guadalajara", "Viaje a Querétaro", "Comidas con proveedores",
    "Capacitación en Puebla", "Feria comercial en CDMX", "Auditoría en almacén de Toluca", "Viaje a Cancún con cliente",
    "Gastos de oficina", "Visita a planta en Saltillo", "Reunión de ventas trimestral", "Traslados del mes",
    "Inauguración de bodega en León", "Visita a Mérida", "Material para evento", "Viáticos ruta Bajío",
  ],
  purposes: {
    TRAVEL: "Vuelo", LODGING: "Hospedaje", FOOD: "Comida con cliente", TRANSPORTATION: "Traslado", FUEL: "Gasolina",
    SOFTWARE_AND_HARDWARE: "Software", OFFICE_SUPPLIES: "Papelería", MARKETING: "Publicidad", PROFESSIONAL_SERVICES: "Servicios profesionales",
    UTILITIES: "Telefonía", ENTERTAINMENT: "Entretenimiento con cliente", OTHER: "Compra varia",
  },
  outOfPocket: [
    ["Taxi del aeropuerto", "Taxi al aeropuerto", "TRANSPORTATION", 180, 650],
    ["Caseta México-Querétaro", "Caseta", "TRANSPORTATION", 120, 420],
    ["Fonda Doña Lupe", "Comida en ruta", "FOOD", 150, 600],
    ["Propinas", "Propinas en hotel", "OTHER", 50, 300],
    ["Estacionamiento público", "Estacionamiento", "TRANSPORTATION", 40, 280],
    ["Papelería La Esquina", "Copias e impresiones", "OFFICE_SUPPLIES", 60, 450],
    ["Restaurante El Bajío", "Cena con cliente", "FOOD", 900, 3800],
  ],
  approvalComments: ["Aprobado.", "Aprobado, gracias por los comprobantes.", "Ok, dentro de presupuesto."],
  rejectionComments: ["Faltan comprobantes de varias líneas.", "No corresponde a un viaje autorizado.", "Duplicado de otro reporte."],
  failedTransfer: "The bank returned the transfer: the account is closed.",
  limitRequests: [
    { holder: "Luis Pérez", type: "PHYSICAL", status: "PENDING", requested: 35000, daysAgo: 2, reason: "Viajes a Monterrey en diciembre", id: "apr_Lp01Limit" },
    { holder: "Mariana López", type: "PHYSICAL", status: "PENDING", requested: 40000, daysAgo: 5, reason: "Compra de equipo para la oficina de Querétaro" },
    { holder: "Sofía Ramírez", type: "VIRTUAL", status: "PENDING", requested: 8000, daysAgo: 1, reason: "Campañas de anuncios de fin de año" },
    { holder: "Daniela Ortiz", type: "PHYSICAL", status: "PENDING", requested: 25000, daysAgo: 3, reason: "Capacitación en Guadalajara" },
    { holder: "Diego Sánchez", type: "PHYSICAL", status: "APPROVED", requested: 20000, previous: 15000, daysAgo: 30, reason: "Más visitas a clientes", comment: "Aprobado por el nuevo territorio." },
    { holder: "Valeria Cruz", type: "PHYSICAL", status: "REJECTED", requested: 25000, previous: 10000, daysAgo: 20, reason: "Compras de fin de año", comment: "El presupuesto del área no lo permite este trimestre." },
  ],
};

const BRASA_EXPENSES: ExpenseDemo = {
  reports: 14,
  featured: [{ holder: "Pedro Almeida", status: "SUBMITTED" }],
  titles: ["Viagem a São Paulo", "Feira de alimentos no Rio", "Visita a fornecedores", "Almoços com clientes", "Treinamento em Campinas", "Despesas do mês"],
  purposes: {
    TRAVEL: "Passagem", LODGING: "Hospedagem", FOOD: "Almoço com cliente", TRANSPORTATION: "Transporte", FUEL: "Combustível",
    SOFTWARE_AND_HARDWARE: "Software", OFFICE_SUPPLIES: "Material de escritório", MARKETING: "Publicidade", PROFESSIONAL_SERVICES: "Serviços profissionais",
    UTILITIES: "Telefonia", ENTERTAINMENT: "Entretenimento com cliente", OTHER: "Compra diversa",
  },
  outOfPocket: [
    ["Táxi Aeroporto", "Táxi ao aeroporto", "TRANSPORTATION", 40, 160],
    ["Estacionamento Centro", "Estacionamento", "TRANSPORTATION", 15, 60],
    ["Lanchonete da Estrada", "Lanche na estrada", "FOOD", 20, 90],
    ["Restaurante Fogo de Chão", "Jantar com cliente", "FOOD", 200, 700],
  ],
  approvalComments: ["Aprovado.", "Ok."],
  rejectionComments: ["Faltam comprovantes."],
  failedTransfer: "The bank returned the transfer: the account is closed.",
  limitRequests: [
    { holder: "Pedro Almeida", type: "PHYSICAL", status: "PENDING", requested: 20000, daysAgo: 4, reason: "Viagem ao Rio para a feira" },
    { holder: "Fernanda Lima", type: "PHYSICAL", status: "APPROVED", requested: 9000, previous: 6000, daysAgo: 40, reason: "Compras de insumos", comment: "Aprovado." },
  ],
};

const ANDES_EXPENSES: ExpenseDemo = {
  reports: 12,
  featured: [{ holder: "Santiago Gómez", status: "SUBMITTED" }],
  titles: ["Visita a clientes en Medellín", "Feria logística en Bogotá", "Viaje a Cali", "Almuerzos con proveedores", "Capacitación en Barranquilla", "Gastos del mes"],
  purposes: {
    TRAVEL: "Tiquete", LODGING: "Hospedaje", FOOD: "Almuerzo con cliente", TRANSPORTATION: "Transporte", FUEL: "Gasolina",
    SOFTWARE_AND_HARDWARE: "Software", OFFICE_SUPPLIES: "Papelería", MARKETING: "Publicidad", PROFESSIONAL_SERVICES: "Servicios profesionales",
    UTILITIES: "Telefonía", ENTERTAINMENT: "Entretenimiento con cliente", OTHER: "Compra varia",
  },
  outOfPocket: [
    ["Taxi aeropuerto El Dorado", "Taxi al aeropuerto", "TRANSPORTATION", 25000, 70000],
    ["Parqueadero centro", "Parqueadero", "TRANSPORTATION", 6000, 25000],
    ["Corrientazo La 70", "Almuerzo en ruta", "FOOD", 15000, 40000],
    ["Restaurante El Cielo", "Cena con cliente", "FOOD", 250000, 900000],
  ],
  approvalComments: ["Aprobado.", "Listo, gracias."],
  rejectionComments: ["Faltan soportes."],
  failedTransfer: "The bank returned the transfer: the account is closed.",
  limitRequests: [
    { holder: "Valentina Cárdenas", type: "PHYSICAL", status: "PENDING", requested: 16000000, daysAgo: 3, reason: "Viajes a Cartagena en diciembre" },
    { holder: "Julián Ospina", type: "PHYSICAL", status: "APPROVED", requested: 18000000, previous: 12000000, daysAgo: 35, reason: "Nueva ruta de distribución", comment: "Aprobado." },
  ],
};

export const EXPENSE_DEMOS: Record<string, ExpenseDemo> = { cmp_acme: ACME_EXPENSES, cmp_brasa: BRASA_EXPENSES, cmp_andes: ANDES_EXPENSES };
